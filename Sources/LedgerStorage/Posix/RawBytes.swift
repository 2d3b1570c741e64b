public import LedgerCore

/// Calls `body` with the bytes of `array`, keeping `body`'s typed error (the standard library's
/// `withUnsafeBytes` rethrows it as `any Error`).
@inlinable
public func withRawBytes<R>(
    _ array: [UInt8],
    _ body: (UnsafeRawBufferPointer) throws(LedgerError) -> R
) throws(LedgerError) -> R {
    let result: Result<R, LedgerError> = array.withUnsafeBytes { buffer in
        do throws(LedgerError) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
}

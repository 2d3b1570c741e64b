// Shared helpers for the libFuzzer targets: each target's `fuzzOne` turns the input into bytes, runs a parser,
// and checks the properties the format promises. A broken property calls `violated`, which crashes on purpose
// so that libFuzzer saves the input (crash-<sha1>) as a regression case.
#if canImport(Glibc)
import Glibc
#endif

public enum Fuzz {
    /// The input as an array (an empty input is an empty array).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Crashes with `message` when `condition` is false.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violated(message()) }
    }

    public static func violated(_ message: String) -> Never {
        let text = Array("FUZZ PROPERTY VIOLATED: \(message)\n".utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }

    /// Reads a big-endian integer of `width` bytes from `bytes` at `offset`, or 0 past the end.
    public static func number(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
        var value = 0
        for i in 0..<width {
            value = value << 8 | Int(offset + i < bytes.count ? bytes[offset + i] : 0)
        }
        return value
    }
}

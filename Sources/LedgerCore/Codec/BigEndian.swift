/// Fixed-width integers as big-endian bytes, the byte order of every integer in the ledger's files and records.
public enum BigEndian {
    /// Appends the `MemoryLayout<Integer>.size` bytes of `value`, most significant first.
    @inlinable public static func append<Integer: FixedWidthInteger>(_ value: Integer, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
    }

    /// Reads an integer from the bytes at `offset` of `buffer`, which need not be aligned. The caller checks that
    /// they are all there.
    @inlinable public static func read<Integer: FixedWidthInteger & BitwiseCopyable>(
        _: Integer.Type,
        from buffer: UnsafeRawBufferPointer,
        at offset: Int
    ) -> Integer {
        Integer(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Integer.self))
    }

    /// Reads an integer from the bytes at `offset` of `bytes`; traps when they are not all there.
    @inlinable public static func read<Integer: FixedWidthInteger & BitwiseCopyable>(
        _: Integer.Type,
        from bytes: [UInt8],
        at offset: Int
    ) -> Integer {
        precondition(offset >= 0 && bytes.count - offset >= MemoryLayout<Integer>.size, "read past the end")
        return bytes.withUnsafeBytes { read(Integer.self, from: $0, at: offset) }
    }
}

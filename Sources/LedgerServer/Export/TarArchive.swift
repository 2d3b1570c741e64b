import LedgerCore

/// The POSIX ustar format (IEEE Std 1003.1, `pax` "ustar Interchange Format"), written by hand for the inspection
/// archive: every member a regular file with mode 0644, owner and group 0, and one fixed modification time, so that
/// the same records make the same bytes.
///
/// A member is a 512-byte header (name, octal mode, ids, size, time, checksum, type `0`, magic `ustar\0` `00`)
/// followed by the file's bytes padded with zeros to a multiple of 512; two zero blocks end the archive.
enum TarArchive {
    /// The unit of the format: headers and padded contents are whole blocks.
    static let blockSize = 512
    /// The longest member name a header holds without the prefix field (the archive's names are short).
    static let maxNameBytes = 100
    /// The largest size eleven octal digits can state.
    static let maxFileSize = (1 << 33) - 1

    /// The end of an archive: two blocks of zeros.
    static let end = [UInt8](repeating: 0, count: 2 * blockSize)

    /// One member: its header, `contents` and the padding to the next block.
    static func member(_ name: String, _ contents: [UInt8], modified: UInt64) throws(LedgerError) -> [UInt8] {
        var bytes = try header(name, size: contents.count, modified: modified)
        bytes.reserveCapacity(blockSize + contents.count + blockSize)
        bytes += contents
        bytes += [UInt8](repeating: 0, count: (blockSize - contents.count % blockSize) % blockSize)
        return bytes
    }

    /// The header of a regular file `name` of `size` bytes.
    ///
    /// - Throws: `.badInput` for a name that is empty, longer than 100 bytes or not printable ASCII, or a size
    ///   beyond 8 GiB.
    static func header(_ name: String, size: Int, modified: UInt64) throws(LedgerError) -> [UInt8] {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= maxNameBytes, nameBytes.allSatisfy({ (0x21...0x7e).contains($0) })
        else {
            throw LedgerError(.badInput, "\(name) cannot be a tar member name (1 to 100 printable ASCII bytes)")
        }
        guard (0...maxFileSize).contains(size) else {
            throw LedgerError(.badInput, "\(name) has \(size) bytes, more than a tar header can state")
        }
        var block = [UInt8](repeating: 0, count: blockSize)
        func put(_ bytes: [UInt8], at offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        put(nameBytes, at: 0)
        put(octal(0o644, digits: 7), at: 100)
        put(octal(0, digits: 7), at: 108)
        put(octal(0, digits: 7), at: 116)
        put(octal(UInt64(size), digits: 11), at: 124)
        put(octal(min(modified, UInt64(maxFileSize)), digits: 11), at: 136)
        put([UInt8](repeating: 0x20, count: 8), at: 148)
        block[156] = UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        put(octal(0, digits: 7), at: 329)
        put(octal(0, digits: 7), at: 337)
        let checksum = block.reduce(0) { $0 + UInt64($1) }
        put(octal(checksum, digits: 6) + [0x20], at: 148)
        return block
    }

    /// `value` as `digits` octal digits, zero-padded, and a NUL.
    static func octal(_ value: UInt64, digits: Int) -> [UInt8] {
        let text = String(value, radix: 8)
        return Array((String(repeating: "0", count: max(0, digits - text.count)) + text).utf8) + [0]
    }
}

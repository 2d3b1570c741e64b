public import LedgerCore
import SystemPackage

/// The byte layout of content files: entries of `body length u32 ‖ seq u64 ‖ salt (32) ‖ content`, where the
/// content is the RFC 8785 canonical JSON of the event's `content`. Withholding overwrites salt and content with
/// zeros in place; the record's commitment then can no longer be opened, which is the point.
public enum ContentFormat {
    public static let saltSize = PreparedBatch.saltSize
    /// Bytes before the content: length, seq, salt.
    public static let prefixSize = 4 + 8 + saltSize

    /// Appends one entry to `out` and returns the commitment its record stores: `SHA-256(salt ‖ content)`.
    public static func appendEntry(
        seq: UInt64,
        salt: ArraySlice<UInt8>,
        content: UnsafeRawBufferPointer,
        to out: inout [UInt8],
        sha: SHA256
    ) -> Hash {
        precondition(salt.count == saltSize, "a content salt is \(saltSize) bytes")
        appendPrefix(seq: seq, saltedContentCount: saltSize + content.count, to: &out)
        let committed = out.count
        out.append(contentsOf: salt)
        out.append(contentsOf: content)
        return out.withUnsafeBytes { sha.hash(UnsafeRawBufferPointer(rebasing: $0[committed...])) }
    }

    /// Appends one entry to `out` whose salt and content, `saltedContent`, were drawn and committed to already.
    public static func appendEntry(seq: UInt64, saltedContent: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        precondition(saltedContent.count >= saltSize, "a salted content starts with its \(saltSize)-byte salt")
        appendPrefix(seq: seq, saltedContentCount: saltedContent.count, to: &out)
        out.append(contentsOf: saltedContent)
    }

    /// An entry's body length and seq, before its salt and content.
    private static func appendPrefix(seq: UInt64, saltedContentCount: Int, to out: inout [UInt8]) {
        BigEndian.append(UInt32(8 + saltedContentCount), to: &out)
        BigEndian.append(seq, to: &out)
    }

    /// A content entry found in a file.
    public struct Entry {
        public let offset: Int
        public let seq: UInt64
        /// Range of the salt and content in the file.
        public let saltOffset: Int
        public let end: Int
        /// Whether salt and content are all zero: withheld.
        public let isErased: Bool
    }

    /// Walks well-formed entries from the start; stops at the end or at the first entry that does not fit, and
    /// returns the offset where well-formed entries end.
    public static func scan(_ bytes: [UInt8], _ visit: (Entry) -> Void) -> Int {
        var offset = 0
        while bytes.count - offset >= 4 {
            let length = Int(BigEndian.read(UInt32.self, from: bytes, at: offset))
            guard length >= 8 + saltSize, length <= EnvelopeRules.maxContentBytes + 8 + saltSize,
                bytes.count - offset - 4 >= length
            else { break }
            let seq = BigEndian.read(UInt64.self, from: bytes, at: offset + 4)
            let saltOffset = offset + 12
            let end = offset + 4 + length
            let erased = !bytes[saltOffset..<end].contains { $0 != 0 }
            visit(Entry(offset: offset, seq: seq, saltOffset: saltOffset, end: end, isErased: erased))
            offset = end
        }
        return offset
    }
}

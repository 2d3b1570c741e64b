import LedgerCore

/// Walks a content file in step with its segment's records: entries are stored in seq order, one for each record
/// that commits to content, so each record with content must find its entry next.
struct ContentCursor {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    enum Next {
        /// The entry of the expected record: where its salt and content start and end.
        case entry(offset: Int, saltOffset: Int, end: Int)
        /// The next entry is for another record (`seq`), or `nil` at the end or at a malformed entry.
        case mismatch(offset: Int, seq: UInt64?)
    }

    /// The entry for `seq`, which must be next.
    mutating func next(for seq: UInt64) -> Next {
        guard let (entrySeq, end) = peek(), entrySeq == seq else { return .mismatch(offset: offset, seq: peek()?.seq) }
        defer { offset = end }
        return .entry(offset: offset, saltOffset: offset + 12, end: end)
    }

    /// The seq and end of the entry at the cursor, if it is well-formed.
    func peek() -> (seq: UInt64, end: Int)? {
        guard bytes.count - offset >= 4 else { return nil }
        let length = Int(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        guard length >= 8 + ContentFormat.saltSize, bytes.count - offset - 4 >= length else { return nil }
        return (SegmentFormat.readUInt64(bytes, at: offset + 4), offset + 4 + length)
    }

    var atEnd: Bool { offset == bytes.count }

    /// Whether the salt of the entry is all zero: it was withheld (a real salt is 32 random bytes).
    func isErased(saltOffset: Int, end: Int) -> Bool {
        !bytes[saltOffset..<end].contains { $0 != 0 }
    }
}

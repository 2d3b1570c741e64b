import LedgerCore

/// Walks a content file in step with its segment's records: entries are stored in seq order, one for each record
/// that commits to content, so each record with content must find its entry next.
///
/// It reads the file through a window of a bounded size, so that verifying a segment of any size takes the same
/// memory; an entry larger than the window is read whole. The window lives in a ``ReadBuffer`` the caller reuses.
struct ContentCursor {
    private let file: LedgerFile?
    private let size: Int
    private let windowBytes: Int
    private let buffer: ReadBuffer
    /// The bytes of the file from `windowStart`, in `buffer`.
    private var window = UnsafeRawBufferPointer(start: nil, count: 0)
    private var windowStart = 0
    /// The file offset of the next entry.
    private(set) var offset = 0

    /// A cursor over `file` (`nil` when the segment has no content file), reading `windowBytes` at a time into
    /// `buffer`, which nothing else may read into while the cursor is used.
    init(file: LedgerFile?, windowBytes: Int, buffer: ReadBuffer) throws(LedgerError) {
        self.file = file
        size = Int(try file?.size() ?? 0)
        self.windowBytes = windowBytes
        self.buffer = buffer
    }

    enum Next {
        /// The entry of the expected record: where its salt and content start and end.
        case entry(offset: Int, saltOffset: Int, end: Int)
        /// The next entry is for another record (`seq`), or `nil` at the end or at a malformed entry.
        case mismatch(offset: Int, seq: UInt64?)
    }

    /// The entry for `seq`, which must be next; its bytes stay readable until the cursor moves again.
    mutating func next(for seq: UInt64) throws(LedgerError) -> Next {
        guard let (entrySeq, end) = try peek(), entrySeq == seq, try load(offset..<end) else {
            return .mismatch(offset: offset, seq: try peek()?.seq)
        }
        defer { offset = end }
        return .entry(offset: offset, saltOffset: offset + 12, end: end)
    }

    /// The seq and end of the entry at the cursor, if it is well-formed.
    mutating func peek() throws(LedgerError) -> (seq: UInt64, end: Int)? {
        guard size - offset >= 12, try load(offset..<offset + 12) else { return nil }
        let start = offset - windowStart
        let length = Int(BigEndian.read(UInt32.self, from: window, at: start))
        guard length >= 8 + ContentFormat.saltSize, size - offset - 4 >= length else { return nil }
        return (BigEndian.read(UInt64.self, from: window, at: start + 4), offset + 4 + length)
    }

    var atEnd: Bool { offset == size }

    /// Whether the salt of the entry just returned is all zero: it was withheld (a real salt is 32 random bytes).
    func isErased(saltOffset: Int, end: Int) -> Bool {
        !window[(saltOffset - windowStart)..<(end - windowStart)].contains { $0 != 0 }
    }

    /// `SHA-256(salt ‖ content)` of the entry just returned: what its record commits to.
    func commitment(saltOffset: Int, end: Int, sha: SHA256) -> Hash {
        sha.hash(UnsafeRawBufferPointer(rebasing: window[(saltOffset - windowStart)..<(end - windowStart)]))
    }

    /// Makes the file bytes of `range` readable in the window; `false` when the file ends before it.
    private mutating func load(_ range: Range<Int>) throws(LedgerError) -> Bool {
        if range.lowerBound >= windowStart && range.upperBound <= windowStart + window.count { return true }
        guard let file else { return false }
        window = try buffer.read(file, upTo: max(windowBytes, range.count), at: UInt64(range.lowerBound))
        windowStart = range.lowerBound
        return window.count >= range.count
    }
}

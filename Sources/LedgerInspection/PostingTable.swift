import GroupDomain

/// Words and the records holding them, as a snapshot saves them, searched where they lie instead of unpacked into
/// a dictionary: resuming a model costs one pass over the bytes (checking them and noting where each entry
/// starts) rather than a string and an array allocated per word — millions of them on a large ledger.
///
/// Each entry is the word's UTF-8 length and bytes, then the number of its records, the first record and the gap
/// to each next one, every number variable-length (``GroupDomain/VariableLength``). Entries come in ascending byte
/// order of their words, which is what the binary search in ``records(of:)`` relies on.
struct PostingTable: Sendable {
    /// The entries, one after another.
    let bytes: [UInt8]
    /// Where each entry starts in `bytes`, in the entries' order.
    private let starts: [Int]

    /// A table with no words.
    static let empty = PostingTable(bytes: [], starts: [])

    private init(bytes: [UInt8], starts: [Int]) {
        self.bytes = bytes
        self.starts = starts
    }

    /// How many words it holds.
    var count: Int { starts.count }

    /// Reads `bytes` as a table of records below `size`, checking every entry: words in strictly ascending byte
    /// order, each with at least one record, records ascending and below `size`, no number or length running
    /// past the end.
    init(validating bytes: [UInt8], size: UInt64) throws(SnapshotError) {
        let starts = try bytes.withUnsafeBytes { raw in
            Result { () throws(SnapshotError) in try Self.entryStarts(raw, size: size) }
        }.get()
        self.init(bytes: bytes, starts: starts)
    }

    /// Where each entry of `raw` starts, checking the entries as ``init(validating:size:)`` says.
    private static func entryStarts(_ raw: UnsafeRawBufferPointer, size: UInt64) throws(SnapshotError) -> [Int] {
        var starts: [Int] = []
        var reader = VariableReader(raw)
        var previousWord: UnsafeRawBufferPointer? = nil
        while !reader.isAtEnd {
            starts.append(reader.position)
            let word = try reader.word()
            if let previousWord, !precedes(previousWord, word) {
                throw SnapshotError("holds the words of an index out of order")
            }
            previousWord = word
            let recordCount = try reader.number()
            guard recordCount > 0, recordCount <= UInt64(reader.remaining) else {
                throw SnapshotError("holds a count of \(recordCount) records that cannot fit in its index")
            }
            var seq = try reader.number()
            for _ in 1..<recordCount {
                let gap = try reader.number()
                let (next, overflow) = seq.addingReportingOverflow(gap)
                guard gap > 0, !overflow else { throw SnapshotError("holds the records of a word out of order") }
                seq = next
            }
            guard seq < size else { throw SnapshotError("cites records past its size") }
        }
        return starts
    }

    /// The records holding `word`, ascending; empty when it holds no such word.
    func records(of word: String) -> [UInt64] {
        var word = word
        return word.withUTF8 { wanted in
            bytes.withUnsafeBytes { raw in
                var low = 0
                var high = starts.count
                while low < high {
                    let middle = low + (high - low) / 2
                    var reader = VariableReader(raw, at: starts[middle])
                    // Checked when the table was read: the entry is whole.
                    let found = try! reader.word()
                    if Self.precedes(found, UnsafeRawBufferPointer(wanted)) {
                        low = middle + 1
                    } else if Self.precedes(UnsafeRawBufferPointer(wanted), found) {
                        high = middle
                    } else {
                        return reader.checkedRecords()
                    }
                }
                return []
            }
        }
    }

    /// Every word with its records, in the table's order.
    func forEach(_ body: (_ word: [UInt8], _ records: [UInt64]) -> Void) {
        bytes.withUnsafeBytes { raw in
            for start in starts {
                var reader = VariableReader(raw, at: start)
                let word = Array(try! reader.word())
                body(word, reader.checkedRecords())
            }
        }
    }

    /// Whether `left` comes before `right` in byte order (a prefix before what it begins).
    static func precedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.withUnsafeBytes { left in right.withUnsafeBytes { precedes(left, $0) } }
    }

    /// Whether `left` comes before `right` in byte order (a prefix before what it begins).
    static func precedes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        for index in 0..<min(left.count, right.count) where left[index] != right[index] {
            return left[index] < right[index]
        }
        return left.count < right.count
    }

    /// Writes a table entry by entry; the caller gives the words in ascending byte order, each with its records
    /// ascending, none empty.
    struct Writer {
        private var bytes: [UInt8] = []
        private var starts: [Int] = []

        /// Appends `word`'s entry.
        mutating func append(word: some Collection<UInt8>, records: [UInt64]) {
            starts.append(bytes.count)
            VariableLength.append(UInt64(word.count), to: &bytes)
            bytes.append(contentsOf: word)
            VariableLength.append(UInt64(records.count), to: &bytes)
            var previous: UInt64? = nil
            for seq in records {
                VariableLength.append(previous.map { seq - $0 } ?? seq, to: &bytes)
                previous = seq
            }
        }

        /// The table written.
        var table: PostingTable { PostingTable(bytes: bytes, starts: starts) }
    }
}

/// Reads a ``PostingTable``'s entries: variable-length numbers, words and record lists, each checked against the
/// end of the bytes.
private struct VariableReader {
    let raw: UnsafeRawBufferPointer
    var position: Int

    init(_ raw: UnsafeRawBufferPointer, at position: Int = 0) {
        self.raw = raw
        self.position = position
    }

    var isAtEnd: Bool { position == raw.count }
    var remaining: Int { raw.count - position }

    mutating func number() throws(SnapshotError) -> UInt64 {
        try VariableLength.read(raw, at: &position)
    }

    mutating func word() throws(SnapshotError) -> UnsafeRawBufferPointer {
        let length = try number()
        guard length <= UInt64(remaining) else { throw SnapshotError("ends in the middle of a word") }
        defer { position += Int(length) }
        return UnsafeRawBufferPointer(rebasing: raw[position..<(position + Int(length))])
    }

    /// A record count and the records (the gaps summed), after ``word()``, in one tight pass: only for entries
    /// ``PostingTable/init(validating:size:)`` checked (a search decodes hundreds of thousands of them).
    mutating func checkedRecords() -> [UInt64] {
        var position = self.position
        func next() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = raw[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        let count = Int(next())
        let records = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            var seq: UInt64 = 0
            for index in 0..<count {
                let gap = next()
                seq = index == 0 ? gap : seq &+ gap
                buffer[index] = seq
            }
            initialized = count
        }
        self.position = position
        return records
    }
}

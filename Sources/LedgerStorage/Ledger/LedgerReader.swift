public import LedgerCore
import SystemPackage

/// Reads records and content without taking the writer lock; safe while a writer appends.
///
/// It reads up to the head the writer last recorded and the whole append batches past it that the writer adopts
/// when it next opens (see ``extent()``), so it never sees half of an append, and a head lowered to hide records
/// hides nothing from it.
public struct LedgerReader {
    public let layout: LedgerLayout
    public let metadata: LedgerMetadata
    private let sha = SHA256()

    public init(layout: LedgerLayout, metadata: LedgerMetadata) {
        self.layout = layout
        self.metadata = metadata
    }

    /// Opens `root` for reading.
    public init(root: String) throws(LedgerError) {
        let layout = LedgerLayout(root: root)
        self.init(layout: layout, metadata: try LedgerMetadata.read(layout))
    }

    /// The head the writer last recorded.
    public func head() throws(LedgerError) -> HeadState {
        guard let head = try HeadFile.read(layout, sha: sha) else {
            throw LedgerError(.corrupt, "head: neither slot holds a valid head")
        }
        return head
    }

    /// The tree files, for proofs.
    public func tree() throws(LedgerError) -> TreeStore { try TreeStore(layout, writable: false) }

    /// The latest signed checkpoint: a C2SP signed note covering every acknowledged record.
    public func checkpoint() throws(LedgerError) -> [UInt8] {
        let note = try head().checkpoint
        guard !note.isEmpty else { throw LedgerError(.notFound, "the ledger has not signed a checkpoint yet") }
        return note
    }

    /// One stored record with its leaf hash and, if kept, its content.
    public struct Entry: Sendable {
        public let record: Record
        public let leafHash: Hash
        public let envelope: EventEnvelope
        public let content: Content
        /// The segment file, relative to the ledger root.
        public let file: String
        /// The byte offset of the record's frame in `file`.
        public let frameOffset: Int
        /// The segment file and byte offset of the frame, for messages.
        public var location: String { "\(file) byte \(frameOffset)" }
    }

    /// The state of a record's content.
    public enum Content: Sendable, Equatable {
        case none
        case present(salt: [UInt8], bytes: [UInt8])
        case withheld
    }

    /// Reads record `seq`, using the segment's index and checking that it leads to the right record. Records past
    /// the head that the writer adopts (``extent()``) can be read too.
    public func entry(_ seq: UInt64) throws(LedgerError) -> Entry {
        try entries([seq])[0]
    }

    /// Reads records `seqs`, in the order given, as ``entry(_:)`` reads each, working out the records the reader
    /// shows (``extent()``) and the segment list once for all of them: for a page that reads many records.
    public func entries(_ seqs: [UInt64]) throws(LedgerError) -> [Entry] {
        guard !seqs.isEmpty else { return [] }
        let size = try extent().size
        if let missing = seqs.first(where: { $0 >= size }) {
            throw LedgerError(.notFound, "record \(missing) does not exist; the ledger holds records 0..<\(size)")
        }
        let segments = try SegmentList.read(layout)
        var entries: [Entry] = []
        entries.reserveCapacity(seqs.count)
        for seq in seqs { entries.append(try entry(seq, size: size, segments: segments)) }
        return entries
    }

    /// Reads record `seq` of a ledger showing `size` records in `segments` (their first sequence numbers).
    private func entry(_ seq: UInt64, size: UInt64, segments: [UInt64]) throws(LedgerError) -> Entry {
        let first = segments[SegmentList.position(of: seq, in: segments)]
        let position = Int(seq - first)
        let indexed = try RecordIndex.readEntry(layout, first: first, position: position)
        let path = layout.segmentPath(first)
        let name = layout.relative(path)
        let file = try LedgerFile.open(path, name: name, .readOnly)
        defer { file.close() }
        let frameOffset: UInt64
        if let indexed {
            frameOffset = UInt64(indexed.frameOffset)
        } else {
            frameOffset = try scanForFrame(file, seq: seq, name: name)
        }
        let lengthBytes = try file.read(at: frameOffset, count: 4)
        let length = Int(BigEndian.read(UInt32.self, from: lengthBytes, at: 0))
        guard length > Record.headerSize, length <= Record.maxSize else {
            throw LedgerError(.corrupt, "\(name): impossible record length \(length) at byte \(frameOffset)")
        }
        let frame = try file.read(at: frameOffset + 4, count: length + Hash.byteCount)
        let recordBytes = Array(frame[..<length])
        let leaf = sha.leafHash(recordBytes)
        guard leaf == Hash(bytes: frame[length...]) else {
            throw LedgerError(
                .corrupt,
                "\(name): the record at byte \(frameOffset) does not match its stored hash; "
                    + "run `groupledger verify`"
            )
        }
        let record: Record
        do { record = try Record(decoding: recordBytes) } catch {
            throw LedgerError(.corrupt, "\(name) byte \(frameOffset): \(error)")
        }
        guard record.seq == seq else {
            throw LedgerError(.corrupt, "\(name): the index points at seq \(record.seq) for seq \(seq)")
        }
        let envelope = try EnvelopeDecoder().decodeStored(record.envelope, seq: seq)
        var content = Content.none
        if record.flags.contains(.hasContent) {
            if let found = try contentEntry(seq: seq, headSize: size) {
                content = found.isErased ? .withheld : .present(salt: found.salt, bytes: found.content)
            } else {
                throw LedgerError(
                    .corrupt,
                    "the content of record \(seq) is missing from "
                        + layout.relative(layout.contentPath(first))
                )
            }
        }
        return Entry(
            record: record,
            leafHash: leaf,
            envelope: envelope,
            content: content,
            file: name,
            frameOffset: Int(frameOffset)
        )
    }

    private func scanForFrame(_ file: LedgerFile, seq: UInt64, name: String) throws(LedgerError) -> UInt64 {
        let bytes = try file.readAll()
        var found: Int?
        _ = try withRawBytes(bytes) { buffer throws(LedgerError) in
            FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) { frame, record in
                if Record.peekSeqAndPrev(record).seq == seq { found = frame.offset }
            }
        }
        guard let found else { throw LedgerError(.corrupt, "\(name): record \(seq) not found") }
        return UInt64(found)
    }

    /// A content entry located in its file.
    public struct ContentEntry {
        public let path: String
        public let saltOffset: Int
        public let end: Int
        public let isErased: Bool
        public let salt: [UInt8]
        public let content: [UInt8]

        /// Overwrites the salt and content with zeros and syncs the file: the record's commitment can no longer be
        /// opened, and the text is gone (what `withhold` does, and an inspection copy for a withholding it holds).
        func erase(named name: String) throws(LedgerError) {
            let file = try LedgerFile.open(path, name: name, .readWrite)
            defer { file.close() }
            try file.write([UInt8](repeating: 0, count: end - saltOffset), at: UInt64(saltOffset))
            try file.syncData()
        }
    }

    /// Finds the content entry of record `seq`, or `nil` if it has none.
    public func contentEntry(seq: UInt64, headSize: UInt64) throws(LedgerError) -> ContentEntry? {
        guard seq < headSize else {
            throw LedgerError(.notFound, "record \(seq) does not exist; the ledger holds records 0..<\(headSize)")
        }
        let segments = try SegmentList.read(layout)
        let first = segments[SegmentList.position(of: seq, in: segments)]
        let path = layout.contentPath(first)
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        if let indexed = try RecordIndex.readEntry(layout, first: first, position: Int(seq - first)),
            indexed.contentOffset != RecordIndex.noContent,
            let found = try Self.contentEntry(seq: seq, at: UInt64(indexed.contentOffset), in: file, path: path)
        {
            return found
        }
        // No index entry, or one that does not lead to this record's content (the index is derived and may lag):
        // scan the content file.
        let bytes = try file.readAll()
        var found: ContentEntry?
        _ = ContentFormat.scan(bytes) { entry in
            guard entry.seq == seq else { return }
            found = ContentEntry(
                path: path,
                saltOffset: entry.saltOffset,
                end: entry.end,
                isErased: entry.isErased,
                salt: Array(bytes[entry.saltOffset..<entry.saltOffset + ContentFormat.saltSize]),
                content: Array(bytes[(entry.saltOffset + ContentFormat.saltSize)..<entry.end])
            )
        }
        return found
    }

    /// The content entry of record `seq` at `offset` of the content file, or `nil` when no well-formed entry of
    /// that record is there.
    private static func contentEntry(
        seq: UInt64,
        at offset: UInt64,
        in file: LedgerFile,
        path: String
    ) throws(LedgerError) -> ContentEntry? {
        let prefix = try file.read(upTo: 12, at: offset)
        guard prefix.count == 12 else { return nil }
        let length = Int(BigEndian.read(UInt32.self, from: prefix, at: 0))
        guard length >= 8 + ContentFormat.saltSize,
            length <= EnvelopeRules.maxContentBytes + 8 + ContentFormat.saltSize,
            BigEndian.read(UInt64.self, from: prefix, at: 4) == seq
        else { return nil }
        let body = try file.read(upTo: length - 8, at: offset + 12)
        guard body.count == length - 8 else { return nil }
        let saltOffset = Int(offset) + 12
        return ContentEntry(
            path: path,
            saltOffset: saltOffset,
            end: saltOffset + body.count,
            isErased: !body.contains { $0 != 0 },
            salt: Array(body[..<ContentFormat.saltSize]),
            content: Array(body[ContentFormat.saltSize...])
        )
    }

    /// The sequence number of the record with event `id`, looked up through the index files.
    public func seq(ofId id: String) throws(LedgerError) -> UInt64? {
        let digest = IdDigest(id: id, sha: sha)
        let size = try extent().size
        for first in try SegmentList.read(layout).reversed() {
            if let position = try RecordIndex.read(layout, first: first).firstIndex(where: { $0.id == digest }) {
                let seq = first + UInt64(position)
                return seq < size ? seq : nil
            }
        }
        return nil
    }

    /// The `ledger.content_withheld` event for record `seq`, if there is one: its own seq and the reason given.
    public func withholding(of seq: UInt64) throws(LedgerError) -> (seq: UInt64, reason: String)? {
        guard
            case .recorded(let eventSeq, let event) = try ownEvent(
                OwnEvent.withholdingId(of: seq),
                type: .ledgerContentWithheld
            )
        else { return nil }
        let reason = event.data?["reason"]?.stringValue ?? "(no reason recorded)"
        return (eventSeq, reason)
    }

    /// Calls `body` for records `from...last` in order, reading each segment once.
    ///
    /// - Parameter content: also load each record's content (or learn that it was withheld); off by default
    ///   because listing records does not need it.
    public func forEach(
        from: UInt64,
        through last: UInt64,
        content: Bool = false,
        _ body: (Entry) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        let segments = try SegmentList.read(layout)
        let decoder = EnvelopeDecoder()
        for position in SegmentList.position(of: from, in: segments)..<segments.count {
            let first = segments[position]
            guard first <= last else { return }
            let path = layout.segmentPath(first)
            let name = layout.relative(path)
            let file = try LedgerFile.open(path, name: name, .readOnly)
            let bytes = try file.readAll()
            file.close()
            let contents = content ? try contentEntries(first: first) : [:]
            let stop = try withRawBytes(bytes) { buffer throws(LedgerError) in
                try FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) {
                    (frame, recordBytes) throws(LedgerError) in
                    let seq = Record.peekSeqAndPrev(recordBytes).seq
                    guard seq >= from, seq <= last else { return }
                    let record: Record
                    do { record = try Record(decoding: recordBytes) } catch {
                        throw LedgerError(.corrupt, "\(name) byte \(frame.offset): \(error)")
                    }
                    try body(
                        Entry(
                            record: record,
                            leafHash: frame.leafHash,
                            envelope: try decoder.decodeStored(record.envelope, seq: seq),
                            content: record.flags.contains(.hasContent) ? contents[seq] ?? .withheld : .none,
                            file: name,
                            frameOffset: frame.offset
                        )
                    )
                }
            }
            let committedLength = try head().segmentLength
            if let stop, position < segments.count - 1 || stop.offset < Int(committedLength) {
                throw LedgerError(.corrupt, "\(name): damaged frame at byte \(stop.offset); run `groupledger verify`")
            }
        }
    }

    /// The content of every record of the segment starting at `first`, by seq.
    private func contentEntries(first: UInt64) throws(LedgerError) -> [UInt64: Content] {
        let path = layout.contentPath(first)
        guard Directory.exists(path) else { return [:] }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        let bytes = try file.readAll()
        var out: [UInt64: Content] = [:]
        _ = ContentFormat.scan(bytes) { entry in
            let contentStart = entry.saltOffset + ContentFormat.saltSize
            out[entry.seq] =
                entry.isErased
                ? .withheld
                : .present(
                    salt: Array(bytes[entry.saltOffset..<contentStart]),
                    bytes: Array(bytes[contentStart..<entry.end])
                )
        }
        return out
    }
}

extension LedgerReader.Entry {
    /// The event as submitted, with its content when it is present (`nil` content when none or withheld).
    public var event: EventEnvelope {
        var event = envelope
        if case .present(_, let bytes) = content { event.content = try? JSONParser().parse(bytes) }
        return event
    }

    /// Whether the record's content was withheld.
    public var isWithheld: Bool { content == .withheld }
}

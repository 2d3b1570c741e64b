/// An offline-verifiable proof that an entry is in a transparency log, in the text format of
/// [C2SP tlog-proof](https://c2sp.org/tlog-proof) (`c2sp.org/tlog-proof@v1`, extension `.tlog-proof`):
///
///     c2sp.org/tlog-proof@v1
///     [extra <base64 opaque data>]
///     index <leaf index, decimal, no leading zeros>
///     [<base64 inclusion proof hash, leaf's sibling first>…]
///     <blank line>
///     <signed checkpoint note, verbatim>
///
/// Parsing checks the syntax, including that the checkpoint is a well-formed signed note whose text is a
/// checkpoint; it verifies neither the note's signatures nor the Merkle path. ``format()`` and
/// ``parse(_:)`` are exact inverses.
public struct TlogProof: Hashable, Sendable {
    /// The first line, without its newline.
    public static let header = "c2sp.org/tlog-proof@v1"
    /// The most path hashes accepted: a tree of at most 2^64 − 1 leaves has depth at most 64.
    public static let maximumPathLength = 64
    /// The largest encoded proof accepted: a maximal note plus 1 MiB for the extra data and the path.
    public static let maximumByteCount = Note.maximumByteCount + (1 << 20)

    /// The opaque, unauthenticated extra data, or `nil` when the `extra` line is absent. Never empty.
    public let extra: [UInt8]?
    /// The zero-based index of the entry in the log.
    public let index: UInt64
    /// The RFC 6962 inclusion proof, from the leaf's sibling up to a child of the root.
    public let path: [Hash]
    /// The log's signed checkpoint, with any cosignatures.
    public let checkpointNote: Note
    /// The checkpoint in ``checkpointNote`` (unverified until the note is).
    public let checkpoint: Checkpoint

    /// A proof from its parts. An empty `extra` is stored as `nil`; the note's text must be a checkpoint.
    public init(extra: [UInt8]? = nil, index: UInt64, path: [Hash], checkpointNote: Note) throws(TlogProofError) {
        guard path.count <= TlogProof.maximumPathLength else {
            throw .pathTooLong(count: path.count, limit: TlogProof.maximumPathLength)
        }
        do {
            checkpoint = try Checkpoint(note: checkpointNote)
        } catch {
            throw .invalidCheckpoint(error)
        }
        self.extra = extra?.isEmpty == true ? nil : extra
        self.index = index
        self.path = path
        self.checkpointNote = checkpointNote
        let size = format().count
        guard size <= TlogProof.maximumByteCount else {
            throw .tooLarge(byteCount: size, limit: TlogProof.maximumByteCount)
        }
    }

    /// The signed checkpoint note's bytes, exactly as they appear in the proof.
    public var checkpointNoteBytes: [UInt8] { checkpointNote.format() }

    /// The encoded proof.
    public func format() -> [UInt8] {
        var out = Array("\(TlogProof.header)\n".utf8)
        if let extra {
            out.append(contentsOf: "extra \(Base64.encode(extra))\n".utf8)
        }
        out.append(contentsOf: "index \(index)\n".utf8)
        for hash in path {
            out.append(contentsOf: hash.base64.utf8)
            out.append(0x0A)
        }
        out.append(0x0A)
        out.append(contentsOf: checkpointNote.format())
        return out
    }

    /// Parses an encoded proof.
    public static func parse(_ bytes: some Collection<UInt8>) throws(TlogProofError) -> TlogProof {
        let bytes = Array(bytes)
        guard bytes.count <= maximumByteCount else { throw .tooLarge(byteCount: bytes.count, limit: maximumByteCount) }
        var reader = LineReader(bytes: bytes)

        guard let first = reader.next() else { throw .wrongHeader }
        guard first.elementsEqual(header.utf8) else { throw .wrongHeader }

        guard var line = reader.next() else { throw .truncated(expecting: "index line") }
        var extra: [UInt8]?
        let extraPrefix = Array("extra ".utf8)
        if line.starts(with: extraPrefix) {
            let encoded = line.dropFirst(extraPrefix.count)
            guard !encoded.isEmpty else { throw .emptyExtra }
            guard let decoded = Base64.decode(String(decoding: encoded, as: UTF8.self)) else {
                throw .invalidExtraEncoding
            }
            extra = decoded
            guard let next = reader.next() else { throw .truncated(expecting: "index line") }
            line = next
        }

        let indexPrefix = Array("index ".utf8)
        guard line.starts(with: indexPrefix) else { throw .missingIndex }
        let indexText = line.dropFirst(indexPrefix.count)
        let index: UInt64
        do {
            index = try CanonicalDecimal.parse(indexText)
        } catch {
            throw .invalidIndex(String(decoding: indexText, as: UTF8.self), error)
        }

        var path = [Hash]()
        while true {
            guard let hashLine = reader.next() else { throw .truncated(expecting: "blank line before the checkpoint") }
            if hashLine.isEmpty { break }
            let number = path.count + 1
            guard number <= maximumPathLength else { throw .pathTooLong(count: number, limit: maximumPathLength) }
            guard let decoded = Base64.decode(String(decoding: hashLine, as: UTF8.self)) else {
                throw .invalidPathHashEncoding(line: number)
            }
            guard let hash = Hash(bytes: decoded) else {
                throw .invalidPathHashLength(line: number, byteCount: decoded.count)
            }
            path.append(hash)
        }

        let note: Note
        do {
            note = try Note.parse(bytes[reader.offset...])
        } catch {
            throw .invalidCheckpointNote(error)
        }
        return try TlogProof(extra: extra, index: index, path: path, checkpointNote: note)
    }

    /// Reads newline-terminated lines; a final line without a newline is not returned.
    private struct LineReader {
        let bytes: [UInt8]
        var offset = 0

        mutating func next() -> ArraySlice<UInt8>? {
            guard let end = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
            defer { offset = end + 1 }
            return bytes[offset..<end]
        }
    }
}

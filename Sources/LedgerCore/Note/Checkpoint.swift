/// The body of a [C2SP tlog-checkpoint](https://c2sp.org/tlog-checkpoint): a log's signed tree head.
///
///     <origin>
///     <tree size, decimal, no leading zeros>
///     <base64 RFC 6962 root hash>
///     [<extension line>…]
///
/// Each line ends with a newline. A checkpoint is the text of a signed ``Note``; ``init(note:)`` reads one and
/// ``body`` is the text to sign. ``body`` and ``init(body:)`` are exact inverses.
public struct Checkpoint: Hashable, Sendable {
    /// The log's identity, a non-empty line ("SHOULD be a schema-less URL", which is not enforced).
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 6962 Merkle tree root at ``size``.
    public let rootHash: Hash
    /// The opaque, optional, non-empty extension lines, without their newlines.
    public let extensions: [String]

    /// A checkpoint from its fields. The origin and extension lines must be non-empty and contain neither a
    /// newline nor another ASCII control character.
    public init(origin: String, size: UInt64, rootHash: Hash, extensions: [String] = []) throws(CheckpointError) {
        guard !origin.isEmpty else { throw .emptyOrigin }
        guard !origin.utf8.contains(0x0A) else { throw .containsNewline(field: "origin") }
        for (index, line) in extensions.enumerated() {
            guard !line.isEmpty else { throw .emptyExtensionLine(line: 4 + index) }
            guard !line.utf8.contains(0x0A) else { throw .containsNewline(field: "extension line \(4 + index)") }
        }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
        try Checkpoint.checkCharacters(body)
    }

    private init(validatedOrigin origin: String, size: UInt64, rootHash: Hash, extensions: [String]) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
    }

    /// Parses a checkpoint body (a note text).
    public init(body: some Collection<UInt8>) throws(CheckpointError) {
        let bytes = Array(body)
        try Checkpoint.checkCharacters(bytes)
        guard bytes.last == 0x0A else { throw .notNewlineTerminated }
        let lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw .missingLines(found: lines.count) }
        guard !lines[0].isEmpty else { throw .emptyOrigin }
        let sizeText = String(decoding: lines[1], as: UTF8.self)
        let size: UInt64
        do {
            size = try CanonicalDecimal.parse(lines[1])
        } catch {
            throw .invalidTreeSize(sizeText, error)
        }
        let hashText = String(decoding: lines[2], as: UTF8.self)
        guard let hashBytes = Base64.decode(hashText) else { throw .invalidRootHashEncoding(hashText) }
        guard let rootHash = Hash(bytes: hashBytes) else { throw .invalidRootHashLength(hashBytes.count) }
        var extensions = [String]()
        for (index, line) in lines.dropFirst(3).enumerated() {
            guard !line.isEmpty else { throw .emptyExtensionLine(line: 4 + index) }
            extensions.append(String(decoding: line, as: UTF8.self))
        }
        self.init(
            validatedOrigin: String(decoding: lines[0], as: UTF8.self),
            size: size,
            rootHash: rootHash,
            extensions: extensions
        )
    }

    /// Parses the text of a signed note as a checkpoint. Verify the note first: an unverified checkpoint
    /// means nothing.
    public init(note: Note) throws(CheckpointError) {
        try self.init(body: note.textBytes)
    }

    /// The note text: origin, size, root hash and extension lines, each followed by a newline.
    public var body: [UInt8] { Array(text.utf8) }

    /// ``body`` as a string.
    public var text: String {
        var out = "\(origin)\n\(size)\n\(rootHash.base64)\n"
        for line in extensions {
            out += line
            out += "\n"
        }
        return out
    }

    private static func checkCharacters(_ bytes: [UInt8]) throws(CheckpointError) {
        guard bytes.count <= Note.maximumByteCount else {
            throw .tooLarge(byteCount: bytes.count, limit: Note.maximumByteCount)
        }
        switch NoteText.firstProblem(in: bytes) {
        case nil: break
        case .invalidUTF8(let offset): throw .invalidUTF8(offset: offset)
        case .controlCharacter(let offset, let byte): throw .controlCharacter(offset: offset, byte: byte)
        }
    }
}

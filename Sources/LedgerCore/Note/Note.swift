/// A [C2SP signed note](https://c2sp.org/signed-note): a text and one or more signature lines.
///
///     <text, ending in a newline>
///     <blank line>
///     — <key name> base64(32-bit key ID || signature)
///     …
///
/// A `Note` value is always well-formed: its text is non-empty, ends in a newline and has no ASCII control
/// character other than newline; it has between 1 and ``maximumSignatureCount`` signatures; and its encoding is
/// at most ``maximumByteCount`` bytes. ``format()`` and ``parse(_:)`` are exact inverses.
///
/// Parsing does not verify anything: the text "MUST be ignored unless the note is signed by a trusted key and the
/// signature has been verified". Use ``verify(using:minimumVerified:)`` or ``open(_:using:minimumVerified:)``.
public struct Note: Hashable, Sendable {
    /// The most signature lines accepted, as in Go's `sumdb/note` (the spec requires at least 16).
    public static let maximumSignatureCount = 100
    /// The largest encoded note accepted: 1 MiB, room for 100 signatures of nearly 5 kB and a large text.
    public static let maximumByteCount = 1 << 20

    /// The note text, including its final newline but not the blank line before the signatures.
    public let text: String
    /// The signature lines, in order, including any from unknown keys and any duplicates.
    public let signatures: [NoteSignature]

    /// A note with `text` and `signatures`.
    public init(text: String, signatures: [NoteSignature]) throws(NoteError) {
        try Note.checkText(Array(text.utf8))
        guard !signatures.isEmpty else { throw .noSignatures }
        guard signatures.count <= Note.maximumSignatureCount else {
            throw .tooManySignatures(limit: Note.maximumSignatureCount)
        }
        self.text = text
        self.signatures = signatures
        let size = byteCount
        guard size <= Note.maximumByteCount else { throw .tooLarge(byteCount: size, limit: Note.maximumByteCount) }
    }

    private init(validatedText text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// The text as UTF-8 bytes: the message that Ed25519 note signatures sign.
    public var textBytes: [UInt8] { Array(text.utf8) }

    /// Checks that `text` can be the text of a note.
    static func checkText(_ text: [UInt8]) throws(NoteError) {
        guard text.last == 0x0A else { throw .textNotNewlineTerminated }
        guard text.count + 2 <= Note.maximumByteCount else {
            throw .tooLarge(byteCount: text.count, limit: Note.maximumByteCount)
        }
        switch NoteText.firstProblem(in: text) {
        case nil: break
        case .invalidUTF8(let offset): throw .invalidUTF8(offset: offset)
        case .controlCharacter(let offset, let byte): throw .controlCharacter(offset: offset, byte: byte)
        }
    }

    // MARK: Encoding

    private static let emDashSpace: [UInt8] = [0xE2, 0x80, 0x94, 0x20]

    /// The size of ``format()``.
    public var byteCount: Int {
        signatures.reduce(text.utf8.count + 1) { total, signature in
            total + 4 + signature.name.utf8.count + 1 + (4 + signature.signature.count + 2) / 3 * 4 + 1
        }
    }

    /// The encoded note: text, a blank line, then one line per signature.
    public func format() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(byteCount)
        out.append(contentsOf: text.utf8)
        out.append(0x0A)
        for signature in signatures {
            out.append(contentsOf: signature.line.utf8)
        }
        return out
    }

    /// Parses an encoded note, without verifying any signature.
    ///
    /// The text is everything up to and including the newline of the last `"\n\n"`; every line after it must be
    /// a signature line. The whole note must be valid UTF-8 without control characters other than newline.
    public static func parse(_ bytes: some Collection<UInt8>) throws(NoteError) -> Note {
        let bytes = Array(bytes)
        guard bytes.count <= maximumByteCount else { throw .tooLarge(byteCount: bytes.count, limit: maximumByteCount) }
        switch NoteText.firstProblem(in: bytes) {
        case nil: break
        case .invalidUTF8(let offset): throw .invalidUTF8(offset: offset)
        case .controlCharacter(let offset, let byte): throw .controlCharacter(offset: offset, byte: byte)
        }
        guard let split = lastBlankLine(in: bytes) else { throw .missingSignatureBlock }
        let textEnd = split + 1
        let blockStart = split + 2
        guard blockStart < bytes.count, bytes[bytes.count - 1] == 0x0A else {
            throw .signatureBlockNotNewlineTerminated
        }
        var signatures = [NoteSignature]()
        var lineStart = blockStart
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while bytes[lineEnd] != 0x0A { lineEnd += 1 }  // the block ends with a newline
            guard signatures.count < maximumSignatureCount else {
                throw .tooManySignatures(limit: maximumSignatureCount)
            }
            let number = signatures.count + 1
            do {
                signatures.append(try parseSignatureLine(bytes[lineStart..<lineEnd]))
            } catch {
                throw .malformedSignatureLine(line: number, error)
            }
            lineStart = lineEnd + 1
        }
        let text = String(decoding: bytes[..<textEnd], as: UTF8.self)
        return Note(validatedText: text, signatures: signatures)
    }

    /// The index of the first newline of the last `"\n\n"`.
    private static func lastBlankLine(in bytes: [UInt8]) -> Int? {
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A { return i }
            i -= 1
        }
        return nil
    }

    private static func parseSignatureLine(
        _ line: ArraySlice<UInt8>
    ) throws(NoteError.SignatureLineProblem) -> NoteSignature {
        guard line.starts(with: emDashSpace) else { throw .missingPrefix }
        let rest = line.dropFirst(emDashSpace.count)
        guard let space = rest.firstIndex(of: 0x20) else { throw .invalidKeyName }
        let name = String(decoding: rest[..<space], as: UTF8.self)
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName }
        guard let decoded = Base64.decode(String(decoding: rest[(space + 1)...], as: UTF8.self)) else {
            throw .invalidBase64
        }
        guard decoded.count >= 5 else { throw .tooShort }
        let keyID = BigEndian.read(UInt32.self, from: decoded, at: 0)
        return NoteSignature(checkedName: name, keyID: keyID, signature: Array(decoded[4...]))
    }
}

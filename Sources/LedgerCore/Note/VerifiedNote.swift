/// A note whose signatures were checked against a set of trusted keys by ``Note/verify(using:minimumVerified:)``.
public struct VerifiedNote: Hashable, Sendable {
    /// The note as parsed, with all its signature lines.
    public let note: Note
    /// The signatures that verified, at most one per key, in note order.
    public let verifiedSignatures: [NoteSignature]
    /// The signatures from unknown keys, which were ignored (duplicates removed), in note order.
    public let unknownSignatures: [NoteSignature]

    /// The note text, which may now be trusted as far as the verifying keys are.
    public var text: String { note.text }
}

extension Note {
    /// Checks the signatures against `verifiers`, following
    /// [C2SP signed-note](https://c2sp.org/signed-note#signatures):
    ///
    /// - a signature whose (name, key ID) matches no verifier is ignored (and listed as unknown);
    /// - a signature whose (name, key ID) matches a verifier is verified, and if it fails the whole note is
    ///   rejected with ``NoteError/invalidSignature(name:keyID:)`` — also for a repeated line of a key that
    ///   already verified;
    /// - at least `minimumVerified` distinct keys (default 1, and never fewer than 1) must have verified.
    ///
    /// Two verifiers with the same name and key ID make a matching signature ambiguous, which is an error.
    public func verify(
        using verifiers: [any NoteVerifier],
        minimumVerified: Int = 1
    ) throws(NoteError) -> VerifiedNote {
        struct KeyRef: Hashable {
            let name: String
            let keyID: UInt32
        }
        var known = [KeyRef: [any NoteVerifier]]()
        for verifier in verifiers {
            known[KeyRef(name: verifier.name, keyID: verifier.keyID), default: []].append(verifier)
        }
        let message = textBytes
        var verified = [NoteSignature]()
        var verifiedKeys = Set<KeyRef>()
        var unknown = [NoteSignature]()
        var unknownSeen = Set<NoteSignature>()
        for signature in signatures {
            let ref = KeyRef(name: signature.name, keyID: signature.keyID)
            guard let candidates = known[ref] else {
                if unknownSeen.insert(signature).inserted { unknown.append(signature) }
                continue
            }
            guard candidates.count == 1 else { throw .ambiguousKey(name: ref.name, keyID: ref.keyID) }
            guard candidates[0].verify(text: message, signature: signature.signature) else {
                throw .invalidSignature(name: ref.name, keyID: ref.keyID)
            }
            if verifiedKeys.insert(ref).inserted { verified.append(signature) }
        }
        let required = max(1, minimumVerified)
        guard verified.count >= required else {
            throw .insufficientSignatures(verified: verified.count, required: required)
        }
        return VerifiedNote(note: self, verifiedSignatures: verified, unknownSignatures: unknown)
    }

    /// Parses `bytes` and verifies the note with ``verify(using:minimumVerified:)``.
    public static func open(
        _ bytes: some Collection<UInt8>,
        using verifiers: [any NoteVerifier],
        minimumVerified: Int = 1
    ) throws(NoteError) -> VerifiedNote {
        try parse(bytes).verify(using: verifiers, minimumVerified: minimumVerified)
    }
}

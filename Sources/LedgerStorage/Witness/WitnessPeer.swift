public import LedgerCore

/// A witness the log pushes its checkpoints to: where it listens and the key its cosignatures must verify with.
public struct WitnessPeer: Sendable, Hashable {
    /// The witness's submission prefix (C2SP tlog-witness), e.g. `https://witness.example/daklak`; requests go
    /// to `<prefix>/add-checkpoint`.
    public let url: String
    /// The verifier of the witness's cosignatures (C2SP tlog-cosignature, Ed25519, type 0x04).
    public let verifier: CosignatureVerifier

    /// A witness at the submission prefix `url` with the cosignature verifier key `vkey`.
    ///
    /// - Throws: `.badInput` when `vkey` is not a cosignature verifier key.
    public init(url: String, vkey: String) throws(LedgerError) {
        do {
            verifier = try CosignatureVerifier(vkey: vkey)
        } catch {
            throw LedgerError(
                .badInput,
                "witness key \"\(vkey)\" is not a cosignature verifier key (<name>+<key id>+<base64 of 0x04 and "
                    + "the Ed25519 key>, as `groupledger witness init` prints): \(error)"
            )
        }
        self.url = url
    }

    /// The URL of the `add-checkpoint` call.
    public var addCheckpointURL: String {
        (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/add-checkpoint"
    }

    /// The witness's name, the key name of its cosignatures.
    public var name: String { verifier.name }
}

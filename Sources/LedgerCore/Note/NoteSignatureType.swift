/// The signature type identifier bytes of [C2SP signed-note](https://c2sp.org/signed-note#signature-types)
/// that this package implements.
///
/// The byte goes into the key ID hash and, in a verifier key string, in front of the public key.
public enum NoteSignatureType: UInt8, Hashable, Sendable, CaseIterable {
    /// `0x01`: Ed25519 over the note text (signed-note, "Ed25519 signatures").
    case ed25519 = 0x01
    /// `0x04`: timestamped Ed25519 witness cosignatures ([tlog-cosignature](https://c2sp.org/tlog-cosignature)).
    case cosignatureV1 = 0x04
}

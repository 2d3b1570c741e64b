/// Where each file of a witness state directory lives.
///
/// ```
/// WITNESS          identity: format version and the witness's name, written once by `init`
/// cosigner.key     the Ed25519 cosigning key as a signer key string, created with mode 0600: never readable by others
/// cosigner.vkey    the witness's verifier key (cosignature type 0x04), one line, for whoever checks cosignatures
/// state.json       per log origin: the pinned log keys and the latest checkpoint cosigned, as a full signed note
/// lock             flock(2) held by the one cosign run that may read and replace state.json
/// evidence/        refused checkpoints that carried a valid log signature, beside what the witness had cosigned
/// ```
///
/// `state.json` is replaced with `Directory.writeAtomically` (temporary file, fsync, rename, fsync of the directory)
/// while the lock is held, so a reader sees the previous state or the next one, and two cosign runs never interleave
/// their read-check-write.
public struct WitnessLayout: Sendable {
    /// The witness directory as given by the user.
    public let root: String

    /// The layout of the witness directory `root`.
    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// The identity file, whose presence makes the directory a witness.
    public var identityPath: String { root + "/WITNESS" }
    /// The secret cosigning key.
    public var keyPath: String { root + "/cosigner.key" }
    /// The public verifier key.
    public var verifierKeyPath: String { root + "/cosigner.vkey" }
    /// The per-origin state.
    public var statePath: String { root + "/state.json" }
    /// The lock file.
    public var lockPath: String { root + "/lock" }
    /// The directory of refused checkpoints kept as evidence.
    public var evidenceDirectory: String { root + "/evidence" }

    /// The first line of the identity file.
    static let identityHeader = "groupledger-witness v1"
}

public import LedgerCore

/// A witness: a second party that cosigns a log's checkpoints only when they extend what it cosigned before, so
/// that the log cannot show different histories to different people, or rewrite one, without being caught.
///
/// The witness lives in a directory (see ``WitnessLayout``) holding its Ed25519 cosigning key and, per log origin,
/// the log keys it trusts and the latest checkpoint it cosigned.
/// ``cosign(checkpointNote:proof:logVerifierKeys:oldSize:)`` implements the checks of
/// [C2SP tlog-witness](https://c2sp.org/tlog-witness) `add-checkpoint` and answers with a
/// [C2SP tlog-cosignature](https://c2sp.org/tlog-cosignature) v1 cosignature.
public struct Witness: Sendable {
    /// Where the witness's files are.
    public let layout: WitnessLayout
    /// How long a cosign run waits for another one to finish before failing with `.locked`.
    public let lockTimeout: Duration
    let signer: CosignatureSigner
    /// The POSIX time in seconds, for cosignature timestamps and evidence.
    let clock: @Sendable () -> UInt64

    /// The witness's name, the key name of its cosignatures.
    public var name: String { signer.name }
    /// The verifier of the witness's cosignatures.
    public var verifier: CosignatureVerifier { signer.verifier }
    /// The witness's verifier key, `<name>+<key ID>+<base64(0x04 || public key)>`.
    public var vkey: String { signer.vkey }

    private init(
        layout: WitnessLayout,
        signer: CosignatureSigner,
        clock: @escaping @Sendable () -> UInt64,
        lockTimeout: Duration
    ) {
        self.layout = layout
        self.signer = signer
        self.clock = clock
        self.lockTimeout = lockTimeout
    }

    // MARK: Creating and opening

    /// Creates the witness directory `directory` with a new cosigning key for `name`.
    ///
    /// Writes `cosigner.key` (created with mode 0600), `cosigner.vkey` and, last, the `WITNESS` identity file.
    /// The directory must not exist, or be empty. `name` is the key name of every cosignature, and should be a
    /// schema-less URL naming the witness, such as `inspectorate.daklak.gov.vn/witness`.
    @discardableResult
    public static func initialize(directory: String, name: String) throws(LedgerError) -> Witness {
        guard NoteKeyName.isValid(name) else {
            throw LedgerError(
                .badInput,
                "witness name \"\(name)\" is not a valid key name: it must be non-empty, without spaces or '+', "
                    + "for example inspectorate.example.gov/witness"
            )
        }
        let layout = WitnessLayout(root: directory)
        if Directory.exists(layout.root) {
            if Directory.exists(layout.identityPath) || Directory.exists(layout.keyPath) {
                throw LedgerError(
                    .cannotCreate,
                    "\(layout.root) is already a witness; its key and state are kept. A witness is created once: "
                        + "a new key would be a new witness, whose verifiers must be told about it"
                )
            }
            guard Directory.isDirectory(layout.root),
                try Directory.list(layout.root, name: layout.root).isEmpty
            else {
                throw LedgerError(
                    .cannotCreate,
                    "\(layout.root) exists and is not an empty directory; choose a new path for the witness"
                )
            }
        } else {
            try Directory.create(layout.root, name: layout.root)
            let parent = Directory.parent(of: layout.root)
            try Directory.sync(parent, name: parent)
        }
        let signer: CosignatureSigner
        do {
            signer = try CosignatureSigner(name: name, privateKey: .generate())
        } catch {
            throw LedgerError(.badInput, "\(error)")
        }
        try WitnessKeyFile.create(signer, at: layout.keyPath)
        try Directory.writeAtomically(
            Array((signer.vkey + "\n").utf8),
            to: layout.verifierKeyPath,
            directory: layout.root,
            name: "cosigner.vkey"
        )
        try Directory.writeAtomically(
            Array("\(WitnessLayout.identityHeader)\nname \(name)\n".utf8),
            to: layout.identityPath,
            directory: layout.root,
            name: "WITNESS"
        )
        return Witness(layout: layout, signer: signer, clock: CosignatureSigner.systemTime, lockTimeout: .seconds(30))
    }

    /// Opens the witness in `directory`.
    ///
    /// - Parameters:
    ///   - clock: the POSIX time in seconds for cosignature timestamps (by default the real-time clock).
    ///   - lockTimeout: how long a cosign run waits for a concurrent one before failing with `.locked`.
    public static func open(
        directory: String,
        clock: @escaping @Sendable () -> UInt64 = CosignatureSigner.systemTime,
        lockTimeout: Duration = .seconds(30)
    ) throws(LedgerError) -> Witness {
        let layout = WitnessLayout(root: directory)
        guard Directory.isDirectory(layout.root) else {
            throw LedgerError(
                .missingInput,
                "no witness directory at \(layout.root); create one with `groupledger witness init`"
            )
        }
        let identity: [UInt8]
        do {
            identity = try Directory.readFile(layout.identityPath, limit: 4096, followLinks: false)
        } catch  where error.code == .missingInput {
            throw LedgerError(
                .notALedger,
                "\(layout.root) is not a witness directory (it has no WITNESS file); "
                    + "create one with `groupledger witness init`"
            )
        }
        guard String(decoding: identity, as: UTF8.self).hasPrefix(WitnessLayout.identityHeader + "\n") else {
            throw LedgerError(
                .notALedger,
                "\(layout.identityPath) is not a \(WitnessLayout.identityHeader) identity file; "
                    + "it was made by another program or version"
            )
        }
        let signer = try WitnessKeyFile.load(from: layout.keyPath, clock: clock)
        let published = try Directory.readFile(layout.verifierKeyPath, limit: 4096, followLinks: false)
        guard String(decoding: published, as: UTF8.self) == signer.vkey + "\n" else {
            throw LedgerError(
                .corrupt,
                "\(layout.verifierKeyPath) does not hold the verifier key of cosigner.key (\(signer.vkey)); "
                    + "check which one the witness's verifiers were given"
            )
        }
        return Witness(layout: layout, signer: signer, clock: clock, lockTimeout: lockTimeout)
    }

    // MARK: Reading

    /// What the witness remembers, read without the lock: `state.json` is replaced atomically, so this is the
    /// state before or after any concurrent cosign run, never a mix.
    public func state() throws(LedgerError) -> WitnessState {
        guard Directory.exists(layout.statePath) else { return WitnessState() }
        let bytes = try Directory.readFile(layout.statePath, limit: 1 << 30, followLinks: false)
        return try WitnessState.decode(bytes, file: layout.statePath)
    }
}

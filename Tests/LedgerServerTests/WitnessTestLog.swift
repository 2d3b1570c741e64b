import LedgerCore

/// A log for the witness server's tests: an in-memory Merkle tree of numbered leaves and a key that signs its
/// checkpoints, so that requests can be written out by hand.
struct WitnessTestLog {
    let origin: String
    let signer: Ed25519NoteSigner
    /// Leaves of logs with another branch differ: such a log with the same key is a fork.
    private let branch: String
    private var tree = InMemoryTreeHashes()
    private let sha = SHA256()

    init(origin: String = "example.org/witnessed-log", signer: Ed25519NoteSigner? = nil, branch: String = "") throws {
        self.origin = origin
        self.branch = branch
        self.signer = try signer ?? Ed25519NoteSigner.generate(name: origin)
    }

    var vkey: String { signer.vkey }

    /// Appends leaves up to `size`.
    mutating func grow(to size: UInt64) {
        while tree.size < size { _ = tree.append(sha.leafHash(Array("\(branch)leaf \(tree.size)".utf8)), using: sha) }
    }

    /// The signed checkpoint note at `size`, as text (signed by `signers`, the log's key by default).
    func note(_ size: UInt64, signedBy signers: [any NoteSigner]? = nil) throws -> String {
        let root = try Merkle.rootHash(size: size, reader: tree, sha: sha)
        let checkpoint = try Checkpoint(origin: origin, size: size, rootHash: root)
        return String(
            decoding: try Note.sign(text: checkpoint.text, signers: signers ?? [signer]).format(),
            as: UTF8.self
        )
    }

    /// The consistency proof from `old` to `new` leaves, one base64 hash per line.
    func proofLines(_ old: UInt64, _ new: UInt64) throws -> String {
        try Merkle.consistencyProof(from: old, to: new, reader: tree, sha: sha).map { $0.base64 + "\n" }.joined()
    }
}

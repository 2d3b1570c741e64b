import Foundation
import LedgerCore
import LedgerStorage

/// A log for witness tests: an in-memory Merkle tree of generated leaves and a key that signs its checkpoints.
///
/// Two `TestLog`s with the same key and a different `branch` share leaves below `forkAt` and differ from there,
/// which is how a log that forks its history looks to a witness.
struct TestLog {
    let origin: String
    let signer: Ed25519NoteSigner
    private let branch: String
    private let forkAt: UInt64
    private var tree = InMemoryTreeHashes()
    private let sha = SHA256()

    init(
        origin: String = "example.org/ledger",
        signer: Ed25519NoteSigner? = nil,
        branch: String = "",
        forkAt: UInt64 = 0
    )
        throws
    {
        self.origin = origin
        self.signer = try signer ?? Ed25519NoteSigner.generate(name: origin)
        self.branch = branch
        self.forkAt = forkAt
    }

    /// The same log with its history rewritten from leaf `index` on.
    func forked(at index: UInt64) throws -> TestLog {
        try TestLog(origin: origin, signer: signer, branch: "fork", forkAt: index)
    }

    var vkey: String { signer.vkey }

    /// Appends leaves up to `size`.
    mutating func grow(to size: UInt64) {
        while tree.size < size {
            let index = tree.size
            let text = index >= forkAt && !branch.isEmpty ? "\(branch) leaf \(index)" : "leaf \(index)"
            tree.append(sha.leafHash(Array(text.utf8)), using: sha)
        }
    }

    func root(_ size: UInt64) throws -> Hash {
        try Merkle.rootHash(size: size, reader: tree, sha: sha)
    }

    /// The checkpoint body at `size`.
    func checkpoint(_ size: UInt64) throws -> Checkpoint {
        try Checkpoint(origin: origin, size: size, rootHash: root(size))
    }

    /// The encoded note of the checkpoint at `size`, signed by `signers` (default: the log's key).
    func note(_ size: UInt64, signedBy signers: [any NoteSigner]? = nil) throws -> [UInt8] {
        try Note.sign(text: checkpoint(size).text, signers: signers ?? [signer]).format()
    }

    /// The RFC 6962 consistency proof from `old` to `new` leaves.
    func proof(_ old: UInt64, _ new: UInt64) throws -> [Hash] {
        try Merkle.consistencyProof(from: old, to: new, reader: tree, sha: sha)
    }
}

/// A fresh witness in a temporary directory, with a clock the test sets.
struct WitnessFixture {
    let dir: TemporaryDirectory
    let path: String
    let witness: Witness
    static let time: UInt64 = 1_790_000_000

    init(
        _ label: String,
        name: String = "inspectorate.example.gov/witness",
        lockTimeout: Duration = .seconds(30)
    )
        throws
    {
        dir = TemporaryDirectory("witness-\(label)")
        path = dir.path + "/witness"
        try Witness.initialize(directory: path, name: name)
        witness = try Witness.open(directory: path, clock: { WitnessFixture.time }, lockTimeout: lockTimeout)
    }

    func remove() { dir.remove() }

    /// The witness reopened from its directory, as a later run would.
    func reopened(lockTimeout: Duration = .seconds(30)) throws -> Witness {
        try Witness.open(directory: path, clock: { WitnessFixture.time + 60 }, lockTimeout: lockTimeout)
    }

    func state() throws -> WitnessState { try witness.state() }
}

/// Runs `body` and returns the `LedgerError` it throws, or `nil`.
func ledgerError(_ body: () throws -> Void) -> LedgerError? {
    do {
        try body()
        return nil
    } catch let error as LedgerError {
        return error
    } catch {
        return LedgerError(LedgerError.Code("unexpected"), "\(error)")
    }
}

import Foundation
import LedgerCore
import LedgerStorage

/// A ledger to publish as tiles, the key that signs its checkpoints, and an output directory beside it.
struct TileFixture {
    let ledger: LedgerFixture
    let signer: Ed25519NoteSigner
    /// The directory to publish to (not created).
    let out: String
    private var nextEvent: Int

    private let group: String

    /// A ledger of `records` records, counting the `ledger.initialized` record 0, posted in `group`.
    init(_ label: String, records: Int, group: String = "g-1") throws {
        self.group = group
        let events = (1..<records).map { Events.post($0, group: group) }
        ledger = try LedgerFixture(
            label,
            batches: stride(from: 0, to: events.count, by: 100).map {
                Array(events[$0..<min($0 + 100, events.count)])
            }
        )
        signer = try Ed25519NoteSigner.generate(name: "example.org/test")
        out = ledger.dir.path + "/published"
        nextEvent = records
    }

    var root: String { ledger.root }
    var reader: LedgerReader { get throws { try LedgerReader(root: root) } }

    func remove() { ledger.remove() }

    /// Appends `count` more records.
    mutating func append(_ count: Int) throws {
        let writer = try Ledger.open(at: root)
        defer { writer.close() }
        _ = try writer.append((nextEvent..<nextEvent + count).map { Events.post($0, group: group) })
        nextEvent += count
    }

    /// The ledger's root at `size` (default: all records), from its tree files.
    func rootHash(size: UInt64? = nil) throws -> Hash {
        let reader = try reader
        let size = try size ?? reader.head().size
        let tree = try TreeStore(reader.layout, writable: false)
        defer { tree.close() }
        return try Merkle.rootHash(size: size, reader: tree, sha: SHA256())
    }

    /// The signed checkpoint of the first `size` records (default: all), as note bytes.
    func checkpointNote(size: UInt64? = nil, signer: Ed25519NoteSigner? = nil) throws -> [UInt8] {
        let size = try size ?? reader.head().size
        let checkpoint = try Checkpoint(origin: "example.org/test", size: size, rootHash: rootHash(size: size))
        return try Note.sign(text: checkpoint.text, signers: [signer ?? self.signer]).format()
    }

    /// Publishes the checkpoint of the first `size` records (default: all) to ``out``.
    @discardableResult
    func publish(size: UInt64? = nil) throws -> TilePublication {
        try TilePublisher(reader: reader).publish(to: out, checkpointNote: checkpointNote(size: size))
    }

    /// Every file published, relative to ``out``, with its bytes.
    var published: [String: Data] { TemporaryDirectory.snapshot(out) }

    /// The files that differ between two snapshots: new or changed in `after`, or gone from it.
    static func changes(
        from before: [String: Data],
        to after: [String: Data]
    ) -> (written: Set<String>, removed: Set<String>) {
        let written = Set(after.filter { before[$0.key] != $0.value }.keys)
        let removed = Set(before.keys).subtracting(after.keys)
        return (written, removed)
    }
}

public import LedgerCore
import SystemPackage

/// Checkpoints that witnesses cosigned, kept beside the ledger in `checkpoints/<20-digit size>.note`: the log's
/// signed note with every cosignature line collected for it.
public struct CheckpointStore {
    public let layout: LedgerLayout

    public init(layout: LedgerLayout) { self.layout = layout }

    var directory: String { layout.root + "/checkpoints" }

    /// Whether `name` is a stored checkpoint's name: 20 digits and `.note`.
    static func isNoteName(_ name: String) -> Bool {
        name.utf8.count == 25 && name.hasSuffix(".note") && name.utf8.prefix(20).allSatisfy { (48...57).contains($0) }
    }

    /// Stores a cosigned checkpoint after checking that it is this ledger's: signed by one of `logVerifiers` and
    /// describing the ledger's own tree at its size. Signatures already stored for that size are kept.
    ///
    /// - Returns: the size of the checkpoint.
    public func add(
        _ noteBytes: [UInt8],
        logVerifiers: [any NoteVerifier],
        reader: LedgerReader
    ) throws(LedgerError)
        -> UInt64
    {
        let note: Note
        let checkpoint: Checkpoint
        do {
            note = try Note.open(noteBytes, using: logVerifiers).note
            checkpoint = try Checkpoint(note: note)
        } catch {
            throw LedgerError(.badInput, "the checkpoint is not signed by this ledger's key: \(error)")
        }
        guard checkpoint.origin == reader.metadata.origin else {
            throw LedgerError(.badInput, "the checkpoint is for \(checkpoint.origin), not \(reader.metadata.origin)")
        }
        let size = try reader.head().size
        guard checkpoint.size <= size else {
            throw LedgerError(.badInput, "the checkpoint has size \(checkpoint.size) but the ledger holds \(size)")
        }
        let root = try Self.root(size: checkpoint.size, reader: reader)
        guard root == checkpoint.rootHash else {
            throw LedgerError(
                .badInput,
                "the checkpoint's root at size \(checkpoint.size) is "
                    + "\(checkpoint.rootHash.hexPrefix()) but the ledger's is \(root.hexPrefix())"
            )
        }
        var merged = note
        if let stored = try stored(size: checkpoint.size) {
            do {
                for signature in try Note.parse(stored).signatures where !merged.signatures.contains(signature) {
                    merged = try merged.adding(signature)
                }
            } catch {
                throw LedgerError(.corrupt, "checkpoints/\(LedgerLayout.stem(checkpoint.size)).note: \(error)")
            }
        }
        try Directory.create(directory, name: "checkpoints", existingOK: true)
        // A link in place of checkpoints/ would send the note elsewhere.
        _ = try Directory.mode(ofDirectory: directory, name: "checkpoints/")
        let name = LedgerLayout.stem(checkpoint.size) + ".note"
        try Directory.writeAtomically(
            merged.format(),
            to: directory + "/" + name,
            directory: directory,
            name: "checkpoints/" + name
        )
        return checkpoint.size
    }

    /// The stored note for `size`, if any.
    public func stored(size: UInt64) throws(LedgerError) -> [UInt8]? {
        let path = directory + "/" + LedgerLayout.stem(size) + ".note"
        guard Directory.exists(path) else { return nil }
        let file = try LedgerFile.open(path, name: "checkpoints/" + LedgerLayout.stem(size) + ".note", .readOnly)
        defer { file.close() }
        return try file.readAll()
    }

    /// Every stored checkpoint note, by size.
    public func all() throws(LedgerError) -> [(size: UInt64, note: [UInt8])] {
        var out: [(UInt64, [UInt8])] = []
        for size in try sizes() {
            guard let note = try stored(size: size) else { continue }
            out.append((size, note))
        }
        return out
    }

    /// The sizes of the stored checkpoints, from their file names (one listing of the directory, no file read).
    func sizes() throws(LedgerError) -> [UInt64] {
        guard Directory.isDirectory(directory) else { return [] }
        return try Directory.list(directory, name: "checkpoints").filter(CheckpointStore.isNoteName).compactMap {
            UInt64($0.dropLast(5))
        }
    }

    /// The stored checkpoint of the largest size, and whether `reader`'s records agree with it; `nil` when none is
    /// stored. Costs a listing of `checkpoints/`, one file read and the tree nodes of one root (a few dozen reads).
    ///
    /// - Throws: `.corrupt` when that file is not a signed checkpoint; what reading the tree throws.
    public func newest(reader: LedgerReader) throws(LedgerError) -> StoredAnchor? {
        guard let size = try sizes().max(), let bytes = try stored(size: size) else { return nil }
        let file = "checkpoints/" + LedgerLayout.stem(size) + ".note"
        let note: Note
        let checkpoint: Checkpoint
        do {
            note = try Note.parse(bytes)
            checkpoint = try Checkpoint(note: note)
        } catch {
            throw LedgerError(.corrupt, "\(file) is not a signed checkpoint: \(error)")
        }
        var agrees = false
        if checkpoint.origin == reader.metadata.origin, checkpoint.size == size,
            checkpoint.size <= (try reader.head().size)
        {
            agrees = try Self.root(size: checkpoint.size, reader: reader) == checkpoint.rootHash
        }
        return StoredAnchor(file: file, note: note, checkpoint: checkpoint, agreesWithLedger: agrees)
    }

    /// The root of the ledger's tree at `size` (no larger than the head's).
    private static func root(size: UInt64, reader: LedgerReader) throws(LedgerError) -> Hash {
        let tree = try reader.tree()
        defer { tree.close() }
        do { return try Merkle.rootHash(size: size, reader: tree, sha: SHA256()) } catch {
            throw LedgerError(.corrupt, "cannot compute the root at size \(size): \(error)")
        }
    }
}

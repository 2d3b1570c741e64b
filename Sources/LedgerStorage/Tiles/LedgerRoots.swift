import LedgerCore

/// The ledger's Merkle roots at any size up to its head: the head's own frontier at the head's size, else
/// `Merkle.rootHash` over the tree files (O(log n) reads).
struct LedgerRoots {
    /// The head the roots are bounded by.
    let head: HeadState
    private let store: TreeStore
    private let sha = SHA256()

    /// The roots of the ledger that `reader` reads, as of its current head.
    init(_ reader: LedgerReader) throws(LedgerError) {
        head = try reader.head()
        store = try TreeStore(reader.layout, writable: false)
    }

    /// The root of the first `size` records, `size` at most the head's.
    func root(size: UInt64) throws(LedgerError) -> Hash {
        precondition(size <= head.size, "size \(size) is past the head's \(head.size)")
        if size == head.size { return head.frontier.root(using: sha) }
        do {
            return try Merkle.rootHash(size: size, reader: store, sha: sha)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.corrupt, "cannot hash the ledger's tree files at size \(size): \(error)")
        }
    }
}

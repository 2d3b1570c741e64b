/// Why a snapshot file cannot be used; the model is then rebuilt from the ledger.
struct SnapshotError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Why a snapshot file cannot be used; the model is then rebuilt from the ledger.
package struct SnapshotError: Error, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}

import LedgerCore

extension EventEnvelope {
    /// The string in `data.<field>`, or `nil`.
    func string(_ field: String) -> String? { data?[field]?.stringValue }

    /// The strings of the array in `data.<field>`; empty when absent.
    func strings(_ field: String) -> [String] { data?[field]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// The timestamp in `data.<field>`, or `nil`.
    func timestamp(_ field: String) -> Timestamp? { string(field).flatMap { Timestamp.anyYear($0) } }
}

/// What a bearer token may do (`docs/HTTP.md` lists the endpoints of each role).
public enum TokenRole: String, Sendable, CaseIterable {
    /// Sends events: `POST /v1/events`, `POST /v1/import/{format}`.
    case importer
    /// Reads what the public may not: entry bundles and records.
    case auditor
}

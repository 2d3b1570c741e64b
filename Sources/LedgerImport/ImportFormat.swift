/// The sources `groupledger import` reads (see `docs/IMPORT.md`).
public enum ImportFormat: String, CaseIterable, Sendable {
    /// JSON Lines of zca-js listener callbacks: `{"event", "payload", "account"}`.
    case zca
    /// Zalo Official Account webhook bodies, bare or with their `X-ZEvent-Signature`.
    case oaWebhook = "oa-webhook"
    /// Message arrays from Zalo Web's local store, for backfilling history.
    case zaloWeb = "zalo-web"
    /// A roster of people and roles exported from a spreadsheet.
    case rosterCSV = "roster-csv"
}

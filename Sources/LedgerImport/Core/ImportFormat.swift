import LedgerCore

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

    /// Whether the format can be read as an endless stream (`--follow`): every format but the roster, whose rows
    /// are resolved against each other at the end.
    public var isStreamable: Bool { self != .rosterCSV }
}

/// Everything a decoder may need besides the input: per-format options.
public struct ImportOptions: Sendable {
    public var limits: ImportLimits
    /// The capture account (zca) or store owner (Zalo Web) that `"0"` stands for.
    public var account: String?
    public var oaWebhook: OAWebhookOptions
    /// Required for `roster-csv`.
    public var roster: RosterOptions?

    public init(
        limits: ImportLimits = ImportLimits(),
        account: String? = nil,
        oaWebhook: OAWebhookOptions = OAWebhookOptions(),
        roster: RosterOptions? = nil
    ) {
        self.limits = limits
        self.account = account
        self.oaWebhook = oaWebhook
        self.roster = roster
    }
}

extension ImportFormat {
    /// A decoder for this format reading `source`.
    ///
    /// - Precondition: `options.roster` is set for ``rosterCSV``.
    public func decoder(source: ImportSource, options: ImportOptions) -> any SourceDecoder {
        switch self {
        case .zca: ZcaDecoder(source: source, limits: options.limits)
        case .oaWebhook: OAWebhookDecoder(source: source, options: options.oaWebhook, limits: options.limits)
        case .zaloWeb: ZaloWebDecoder(source: source, account: options.account, limits: options.limits)
        case .rosterCSV:
            RosterCSVDecoder(
                source: source,
                options: options.roster ?? RosterOptions(time: Timestamp("1970-01-01T00:00:00Z")!, actor: "roster"),
                limits: options.limits
            )
        }
    }
}

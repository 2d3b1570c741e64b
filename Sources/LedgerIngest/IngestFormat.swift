import LedgerCore
public import LedgerImport

/// What an input holds: GroupLedger's own event envelopes (`append`), or one of the sources `import` reads.
public enum IngestFormat: Sendable, Equatable {
    /// JSON Lines of event envelopes (`docs/EVENTS.md`).
    case envelopes
    /// A source format (`docs/IMPORT.md`).
    case source(ImportFormat)

    /// Whether the format can be read as an endless stream (`--follow`).
    public var isStreamable: Bool {
        switch self {
        case .envelopes: true
        case .source(let format): format.isStreamable
        }
    }

    /// Whether its events record the input they came from (provenance, with the file's digest).
    var recordsProvenance: Bool { self != .envelopes }

    /// The name in summaries: `envelopes`, `zca`, `oa-webhook`…
    public var name: String {
        switch self {
        case .envelopes: "envelopes"
        case .source(let format): format.rawValue
        }
    }

    /// A decoder for this format reading `source`.
    public func decoder(source: ImportSource, options: ImportOptions) -> any SourceDecoder {
        switch self {
        case .envelopes: EnvelopeLinesDecoder(name: source.name, maxLineBytes: options.limits.maxUnitBytes)
        case .source(let format): format.decoder(source: source, options: options)
        }
    }
}

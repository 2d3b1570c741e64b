import LedgerCore

/// What a format's mapping made of one unit, before the ledger's checks.
enum Mapped {
    case drafts([EventDraft])
    case skip(String)

    /// The outcome: every draft checked and given provenance, or the unit's error.
    func outcome(
        format: ImportFormat,
        source: ImportSource,
        location: SourceLocation,
        provenance extra: [(key: String, value: JSONValue)] = []
    ) -> ImportOutcome {
        switch self {
        case .skip(let reason):
            return .skipped(location, reason: reason)
        case .drafts(let drafts):
            let provenance = Provenance.object(format: format, source: source, location: location, extra: extra)
            var events: [PreparedEvent] = []
            events.reserveCapacity(drafts.count)
            do throws(ImportError) {
                for draft in drafts {
                    events.append(PreparedEvent(try draft.finish(provenance: provenance, at: location)))
                }
            } catch {
                return .rejected(error)
            }
            return .events(events, location)
        }
    }
}

public import LedgerCore

extension Ledger {
    /// Destroys the salt and content of record `seq` and appends a `ledger.content_withheld` event citing it.
    ///
    /// The event is appended (and synced) first, then the content is overwritten with zeros and synced, so that a
    /// crash in between leaves a recorded intent that running `withhold` again completes. The record, its hash and
    /// every proof stay valid; only the content can no longer be read.
    ///
    /// - Returns: the sequence number of the withholding event.
    /// - Throws: `.badInput` when `reason` holds a control character, a line separator or a bidirectional control
    ///   (it would forge lines in what `show` and the reports print), or `actor` is not an identifier.
    public func withhold(seq: UInt64, reason: String, actor: String) throws(LedgerError) -> UInt64 {
        if let problem = EnvelopeRules.hiddenCharacterProblem(reason) {
            throw LedgerError(.badInput, "the reason for withholding record \(seq) \(problem); give it on one line")
        }
        if let problem = EnvelopeRules.identifierProblem(actor) {
            throw LedgerError(.badInput, "the actor ordering the withholding of record \(seq) \(problem)")
        }
        let reader = LedgerReader(layout: layout, metadata: metadata)
        let entry = try reader.contentEntry(seq: seq, headSize: size)
        guard let entry else {
            throw LedgerError(.refused, "record \(seq) has no content to withhold")
        }
        let eventSeq: UInt64
        switch try ownEvent(OwnEvent.withholdingId(of: seq), type: .ledgerContentWithheld) {
        case .recorded(let earlier, _):
            eventSeq = earlier
        case .absent(let id):
            let event = EventEnvelope(
                id: id,
                type: EventType.ledgerContentWithheld.rawValue,
                time: now(),
                actor: actor,
                data: .object(
                    JSONObject(members: [("reason", .string(reason)), ("seq", .number(JSONNumber(seq)))])
                )
            )
            guard let appended = try appendOwn([event]).firstSeq else {
                throw LedgerError(.corrupt, "the withholding event \(id) was neither found nor appended")
            }
            eventSeq = appended
        }
        try serialized.exclusively { writer throws(LedgerError) in
            try writer.checkRunning()
            if !entry.isErased { try entry.erase(named: layout.relative(entry.path)) }
        }
        return eventSeq
    }
}

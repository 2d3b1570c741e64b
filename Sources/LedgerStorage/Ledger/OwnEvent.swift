public import LedgerCore

/// Finds an event the ledger wrote itself (a key's announcement or retirement, a withholding) by its fixed id.
///
/// Such ids start with `ledger:` (``EnvelopeRules/reservedIdPrefix``) and input events may not take them, but a
/// ledger written before that rule could hold an input event under one. So a record counts as the ledger's own
/// event only if it carries the ``Record/Flags/ledgerEvent`` flag and the expected type; an impostor under the id
/// moves the ledger's event to `<id>/<the impostor's seq>`, and so on, so that an impostor can neither pose as
/// the event nor keep the ledger from writing it.
public enum OwnEvent {
    /// Where the event stands.
    public enum Lookup {
        /// The ledger's event is record `seq`.
        case recorded(seq: UInt64, envelope: EventEnvelope)
        /// There is none yet; `freeId` is the id to write it under.
        case absent(freeId: String)
    }

    /// The event id of the withholding of record `seq`: fixed, so that withholding twice appends one event.
    public static func withholdingId(of seq: UInt64) -> String { "ledger:content_withheld:\(seq)" }

    /// Looks `id` up, following impostors.
    ///
    /// - Parameters:
    ///   - seqOfId: the record that holds an event id, if any.
    ///   - record: the flags and envelope of a record.
    public static func find(
        _ id: String,
        type: EventType,
        seqOfId: (String) throws(LedgerError) -> UInt64?,
        record: (UInt64) throws(LedgerError) -> (flags: Record.Flags, envelope: EventEnvelope)
    ) throws(LedgerError) -> Lookup {
        var candidate = id
        // Each step finds another record (each holds one id), so this ends within the ledger's size.
        while let seq = try seqOfId(candidate) {
            let (flags, envelope) = try record(seq)
            if flags.contains(.ledgerEvent), envelope.type == type.rawValue, envelope.id == candidate {
                return .recorded(seq: seq, envelope: envelope)
            }
            candidate = id + "/" + String(seq)
        }
        return .absent(freeId: candidate)
    }
}

extension LedgerReader {
    /// The ledger's own event under `id` and of `type`, read through the index files (see ``OwnEvent``).
    public func ownEvent(_ id: String, type: EventType) throws(LedgerError) -> OwnEvent.Lookup {
        try OwnEvent.find(
            id,
            type: type,
            seqOfId: { candidate throws(LedgerError) in try seq(ofId: candidate) },
            record: { seq throws(LedgerError) in
                let found = try entry(seq)
                return (found.record.flags, found.envelope)
            }
        )
    }
}

extension Ledger {
    /// The ledger's own event under `id` and of `type`, looked up in the writer's id table (see ``OwnEvent``).
    func ownEvent(_ id: String, type: EventType) throws(LedgerError) -> OwnEvent.Lookup {
        let reader = LedgerReader(layout: layout, metadata: metadata)
        return try OwnEvent.find(
            id,
            type: type,
            seqOfId: { candidate throws(LedgerError) in
                try serialized.whileIdle { writer in
                    Result { () throws(LedgerError) in try writer.seq(ofId: candidate) }
                }.get()
            },
            record: { seq throws(LedgerError) in
                let found = try reader.entry(seq)
                return (found.record.flags, found.envelope)
            }
        )
    }
}

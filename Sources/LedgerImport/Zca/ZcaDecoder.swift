import LedgerCore

/// Decodes a zca capture: JSON Lines of zca-js listener callbacks, `{"event", "payload", "account"}` with an
/// optional capture `time` and `session` (`docs/IMPORT.md` documents the line format and the mapping).
///
/// Group messages, recalls, reactions, group events (every `act`; unknown ones become `group.platform_event`), seen
/// and delivered receipts, and the listener's `connected`/`closed` become catalogue events whose ids come from
/// Zalo's own ids (`zca:{groupId}:{msgId}`, `zca-ge:…`), so a second import, or a backfill overlapping a live
/// capture, adds nothing. 1:1 chats are skipped: they are outside the ledger's purpose.
public struct ZcaDecoder: SourceDecoder, UnitMapping {
    /// How many threads map the units of a large chunk (default: one per online processor); the outcomes are
    /// the same with any number.
    public var threads = UnitMappingPool.threads
    /// Whether group text messages, most of a capture, are mapped straight from the line's bytes (the default) or,
    /// like every other line, through a parsed JSON tree. Both give the same events and errors (see
    /// ``ZcaDirectMessage``); turning it off is for the tests that compare them and for benchmarks.
    public var directPath = true
    /// Listener callbacks that record nothing the ledger keeps; their lines are skipped, not refused.
    static let ignoredEvents: Set<String> = [
        "typing", "friend_event", "upload_attachment", "cipher_key", "error", "disconnected", "old_reactions",
    ]

    let source: ImportSource
    let limits: ImportLimits
    private(set) var sha = SHA256()
    private var framer: JSONLinesFramer
    private let direct: ZcaDirectMessage

    public init(source: ImportSource, limits: ImportLimits = ImportLimits()) {
        self.source = source
        self.limits = limits
        framer = JSONLinesFramer(name: source.name, maxLineBytes: limits.maxUnitBytes)
        direct = ZcaDirectMessage(source: source, limits: limits)
    }

    public mutating func consume<Reduced: Sendable>(
        _ chunk: UnsafeRawBufferPointer,
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        outcomes(framer.feed(chunk), reducing: reduce)
    }

    public mutating func finish<Reduced: Sendable>(
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        outcomes(framer.finish(), reducing: reduce)
    }

    public mutating func consumePacked(_ chunk: UnsafeRawBufferPointer) -> [PackedOutcomes] {
        packedOutcomes(framer.feed(chunk))
    }

    public mutating func finishPacked() -> [PackedOutcomes] {
        packedOutcomes(framer.finish())
    }

    func forAnotherThread() -> Self {
        var copy = self
        copy.sha = SHA256()
        return copy
    }

    func outcome(of unit: FramedUnit) throws(ImportError) -> ImportOutcome {
        if directPath, let outcome = direct.outcome(of: unit, sha: sha) { return outcome }
        return try map(unit).outcome(format: .zca, source: source, location: unit.location)
    }

    func map(_ unit: FramedUnit) throws(ImportError) -> Mapped {
        let line = try ZcaLine(unit, limits: limits)
        switch line.event {
        case "message":
            return try message(line.payload, line: line)
        case "old_messages":
            var drafts: [EventDraft] = []
            for item in try line.payload.array() {
                if case .drafts(let more) = try message(item, line: line) { drafts += more }
            }
            return drafts.isEmpty ? .skip("no group message in this backfill batch") : .drafts(drafts)
        case "undo":
            return try undo(line)
        case "reaction":
            return try reaction(line)
        case "group_event":
            return try groupEvent(line)
        case "seen_messages", "delivered_messages":
            return try receipts(line)
        case "connected", "closed":
            return try capture(line)
        case let name where ZcaDecoder.ignoredEvents.contains(name):
            return .skip("the listener's \(name) callback records nothing the ledger keeps")
        default:
            throw line.root["event"].error(
                "\"\(line.event)\" is not a zca-js listener callback (message, old_messages, undo, reaction, "
                    + "group_event, seen_messages, delivered_messages, connected, closed)"
            )
        }
    }

    /// The digest of the whole line, for `group.platform_event`'s `raw_sha256`.
    func rawDigest(_ line: ZcaLine) -> String { sha.hash(line.unit.bytes).hex }

    /// `payload.type` of a message-like callback: whether it happened in a group (1) or a 1:1 chat (0).
    func isGroup(_ payload: Field, key: String = "type") throws(ImportError) -> Bool {
        let field = payload[key]
        if key == "isGroup" {
            guard let flag = field.value?.boolValue else { throw field.error("must be true or false") }
            return flag
        }
        switch try field.integer() {
        case 1: return true
        case 0: return false
        default: throw field.error("must be 1 (ThreadType.Group) or 0 (ThreadType.User)")
        }
    }
}

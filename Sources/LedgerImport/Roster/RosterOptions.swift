public import LedgerCore

/// What a roster import records besides the rows: when the roster took effect and who recorded it.
public struct RosterOptions: Sendable, Hashable {
    /// The events' `time`.
    public var time: Timestamp
    /// The events' `actor`: the person or office that recorded the roster.
    public var actor: String

    public init(time: Timestamp, actor: String) {
        self.time = time
        self.actor = actor
    }
}

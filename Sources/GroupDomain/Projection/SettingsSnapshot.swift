public import LedgerCore

/// A group's full platform settings as of one `group.settings_changed` record.
public struct SettingsSnapshot: Sendable, Codable, Hashable {
    /// The settings object exactly as recorded.
    public let value: JSONValue
    /// The record.
    public let mark: EventMark

    public init(value: JSONValue, mark: EventMark) {
        self.value = value
        self.mark = mark
    }
}

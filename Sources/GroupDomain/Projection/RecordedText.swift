import LedgerCore

/// A text that lives in an event's erasable `content` (a group's name, a person's full name): either the text or
/// the fact that it was withheld.
public enum RecordedText: Sendable, Hashable {
    /// The text as written, byte for byte.
    case text(String)
    /// The record's content was withheld; the text is gone for good.
    case withheld

    /// The text of `field` in `recorded`'s content: `.withheld` when the content was withheld, `nil` when the
    /// event has no such field.
    init?(_ field: String, of recorded: RecordedEvent) {
        if recorded.isWithheld {
            self = .withheld
        } else if let text = recorded.event.content?[field]?.stringValue {
            self = .text(text)
        } else {
            return nil
        }
    }

    /// The text, or `nil` when withheld.
    public var text: String? {
        if case .text(let text) = self { text } else { nil }
    }
}

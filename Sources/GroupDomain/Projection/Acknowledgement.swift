/// A person's acknowledgement of a group's rules (`rules.acknowledged`, R5).
public struct Acknowledgement: Sendable, Codable, Hashable {
    /// The rulebook acknowledged, e.g. `2547/QĐ-UBND`.
    public let rulebook: String
    /// Its version, when recorded.
    public let version: String?
    /// The record.
    public let mark: EventMark

    public init(rulebook: String, version: String?, mark: EventMark) {
        self.rulebook = rulebook
        self.version = version
        self.mark = mark
    }
}

/// A post whose content was withheld: the text rules (R7) could not look at it, and reports say so instead of
/// skipping it silently.
public struct WithheldPost: Sendable, Hashable {
    /// The post.
    public let post: EventMark
    /// Its group.
    public let group: String?
    /// The withholding record and its reason, when it falls inside the audited records.
    public let withholding: Withholding?
}

/// Everything the rule checker concluded at one evaluation point.
public struct AuditResult: Sendable {
    /// The state the rules were judged on.
    public let state: ProvinceState
    /// The evaluation point (Unix milliseconds of event time): deadlines and grace periods are measured to it.
    public let evaluatedAt: Int64
    /// Every finding, ordered by primary record, then rule and id; each with its latest review.
    public let findings: [Finding]
    /// The directive table: one row per directive and assignee.
    public let directives: [DirectiveRow]
    /// Posts whose content was withheld, so the text rules could not look at them.
    public let withheldPosts: [WithheldPost]
    /// Head posts that read like directives and no `directive.issued` confirmed.
    public let candidates: [DirectiveCandidate]
}

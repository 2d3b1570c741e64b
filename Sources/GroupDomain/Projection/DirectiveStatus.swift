/// Where a directive stands for one assignee.
public enum DirectiveStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case issued
    case acknowledged
    case progress
    case difficulty
    case completed
    case cancelled
}

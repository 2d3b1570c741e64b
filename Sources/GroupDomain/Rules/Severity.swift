/// How urgently a person should look at a finding. Configurable per rule; R7a (classified material) is the
/// highest by default.
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case info
    case low
    case medium
    case high
    case critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The Vietnamese word for the level.
    public var vietnamese: String {
        switch self {
        case .info: "thông tin"
        case .low: "thấp"
        case .medium: "trung bình"
        case .high: "cao"
        case .critical: "nghiêm trọng"
        }
    }
}

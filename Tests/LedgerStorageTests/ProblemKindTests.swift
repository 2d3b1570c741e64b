import LedgerStorage
import Testing

@Suite struct ProblemKindTests {
    /// The names `verify --json` prints, which scripts match on: a renamed or dropped kind breaks them, so the list
    /// is pinned here. The doc of ``VerificationReport/Problem/kind`` names one of them (`record-damaged`).
    private static let stableNames = [
        "not-a-regular-file", "head-missing", "head-damaged", "foreign-file", "segment-header", "segment-sequence",
        "record-format", "sequence", "chain-link", "record-damaged", "content-orphan", "content-missing",
        "content-commitment", "content-destroyed", "truncated", "head-mismatch", "root-mismatch",
        "head-checkpoint-missing", "head-checkpoint", "head-checkpoint-mismatch", "checkpoint-signature",
        "checkpoint-origin", "rolled-back", "rewritten", "witness-quorum", "envelope-invalid",
        "envelope-not-canonical", "unreadable",
    ]

    @Test func everyKindHasItsStableName() {
        #expect(VerificationReport.ProblemKind.allCases.map(\.rawValue) == Self.stableNames)
        #expect(VerificationReport.ProblemKind(rawValue: "record-damaged") == .recordDamaged)
    }
}

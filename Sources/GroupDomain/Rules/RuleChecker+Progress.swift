extension RuleChecker {
    /// What a ``RuleChecker`` has gathered from the records applied so far (the state and what each rule watches),
    /// without its configuration: a value that can be saved (`Codable`) and resumed with
    /// ``RuleChecker/init(configuration:resuming:)``.
    public struct Progress: Sendable, Codable {
        /// The state after the records applied.
        public let state: ProvinceState
        let governance: GovernanceWatch
        let accounts: AccountWatch
        let posts: PostWatch
        let directives: DirectiveWatch
        let candidates: CandidateWatch
        let latest: Int64
        let latestRecordKeeping: Int64
    }
}

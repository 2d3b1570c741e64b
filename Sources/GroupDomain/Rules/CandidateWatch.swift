import LedgerCore

/// Finds directive candidates: posts by a group's head that open with a directive phrase, as whole words, and
/// name a deadline. Candidates are for a person to confirm, so a loose match costs a glance, not a verdict.
///
/// Matching compares Swift `Character`s, which follow Unicode canonical equivalence, so NFC and NFD spellings of
/// the phrases match alike; case is folded with `lowercased()`.
struct CandidateWatch: Sendable {
    private var candidates: [DirectiveCandidate] = []
    /// Each group's head, kept here so that a post needs no look-up of its group's state.
    private var heads: [String: String] = [:]

    /// Looks at one record after the projector applied it.
    mutating func observe(_ recorded: RecordedEvent, state: ProvinceState, configuration: RuleConfiguration) {
        let event = recorded.event
        if event.type == "head.assigned", let group = event.group, let person = event.string("person") {
            heads[group] = person
        }
        guard event.type == "post.created", let group = event.group, let message = event.string("message"),
            let head = heads[group], state.bindings[event.actor] == head,
            let text = event.content?["text"]?.stringValue
        else { return }
        let author = head
        let lowered = text.lowercased()
        let body = lowered.drop { $0.isWhitespace || $0.isPunctuation }
        let opens = { (phrase: String) -> Bool in
            let phrase = phrase.lowercased()
            guard body.starts(with: phrase) else { return false }
            let next = body.dropFirst(phrase.count).first
            return next.map { $0.isWhitespace || $0.isPunctuation } ?? true
        }
        guard let opener = configuration.candidateOpeners.first(where: opens),
            let deadline = configuration.candidateDeadlineWords.first(where: { lowered.contains($0.lowercased()) })
        else { return }
        candidates.append(
            DirectiveCandidate(
                post: recorded.mark,
                group: group,
                message: message,
                author: author,
                opener: opener,
                deadlineWord: deadline
            )
        )
    }

    /// The candidates no `directive.issued` has confirmed yet.
    func unconfirmed(state: ProvinceState) -> [DirectiveCandidate] {
        let confirmed = Set(state.directives.values.compactMap(\.sourceMessage))
        return candidates.filter { !confirmed.contains($0.message) }
    }
}

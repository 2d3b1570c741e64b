import LedgerCore

/// Finds directive candidates: posts by a group's head that open with a directive phrase, as whole words, and
/// name a deadline. Candidates are for a person to confirm, so a loose match costs a glance, not a verdict.
///
/// Matching compares Swift `Character`s, which follow Unicode canonical equivalence, so NFC and NFD spellings of
/// the phrases match alike; case is folded with `lowercased()`.
struct CandidateWatch: Sendable, Codable {
    private var candidates: [DirectiveCandidate] = []
    /// Each group's head, kept here so that a post needs no look-up of its group's state.
    private var heads: [String: String] = [:]
    /// Each group's deputy heads.
    private var deputies: [String: Set<String>] = [:]
    /// Directives issued by someone who was neither the group's head nor a deputy head at the time (R2).
    private var issuedByOthers: [IssuedByOther] = []

    /// A directive issued by someone who was neither the group's head nor a deputy head.
    private struct IssuedByOther: Sendable, Codable {
        let mark: EventMark
        let group: String
        let directive: String
        let issuer: String
        let head: String?
    }

    /// Looks at one record after the projector applied it.
    mutating func observe(_ recorded: RecordedEvent, state: ProvinceState, configuration: RuleConfiguration) {
        let event = recorded.event
        if event.type == EventType.headAssigned.rawValue, let group = event.group, let person = event.string("person") {
            heads[group] = person
        }
        if event.type == EventType.deputyAssigned.rawValue, let group = event.group, let person = event.string("person")
        {
            deputies[group, default: []].insert(person)
        }
        if event.type == EventType.directiveIssued.rawValue, let group = event.group,
            let issuer = event.string("issuer"),
            let directive = event.string("directive"), heads[group] != issuer,
            deputies[group]?.contains(issuer) != true
        {
            issuedByOthers.append(
                IssuedByOther(
                    mark: recorded.mark,
                    group: group,
                    directive: directive,
                    issuer: issuer,
                    head: heads[group]
                )
            )
        }
        guard event.type == EventType.postCreated.rawValue, let group = event.group,
            let message = event.string("message"),
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
                deadlineWord: deadline,
                text: text.count > 300 ? String(text.prefix(300)) + "…" : text,
                due: DeadlineReader.due(in: text, postedAt: event.time)
            )
        )
    }

    /// R2 findings: directives issued by someone who was not the group's head (nor a deputy head), and candidates
    /// still unconfirmed `R2.confirmation_hours` after they were posted.
    func findings(state: ProvinceState, at evaluation: Int64, configuration: RuleConfiguration) -> [Finding] {
        var findings: [Finding] = []
        let naming = PersonNaming(state)
        for item in issuedByOthers {
            let head = item.head ?? "-"
            findings.append(
                Finding(
                    rule: "R2",
                    check: "issuer-not-head",
                    group: item.group,
                    subject: item.issuer,
                    seqs: [item.mark.seq],
                    time: item.mark.time.unixMillis,
                    severity: configuration.severity("R2", "issuer-not-head"),
                    messageVI:
                        "Chỉ đạo \(item.directive) (bản ghi \(item.mark.seq)) do \(naming.vi(item.issuer)) ban hành, "
                        + "không phải Trưởng Nhóm (\(naming.vi(head))) hay Phó Trưởng Nhóm của nhóm \(item.group).",
                    messageEN:
                        "Directive \(item.directive) (record \(item.mark.seq)) was issued by \(naming.en(item.issuer)), "
                        + "not by the head (\(naming.en(head))) or a deputy head of group \(item.group)."
                )
            )
        }
        let window = Int64(configuration.candidateConfirmationHours) * 3_600_000
        for candidate in unconfirmed(state: state) where evaluation - candidate.post.time.unixMillis > window {
            findings.append(
                Finding(
                    rule: "R2",
                    check: "unconfirmed",
                    group: candidate.group,
                    subject: candidate.author,
                    seqs: [candidate.post.seq],
                    time: candidate.post.time.unixMillis,
                    severity: configuration.severity("R2", "unconfirmed"),
                    messageVI:
                        "Bài đăng của Trưởng Nhóm \(naming.vi(candidate.author)) (bản ghi \(candidate.post.seq)) có dạng chỉ đạo "
                        + "(“\(candidate.opener)” … “\(candidate.deadlineWord)”) nhưng chưa được xác nhận sau "
                        + "\(configuration.candidateConfirmationHours) giờ (groupledger directive confirm \(candidate.post.seq)).",
                    messageEN:
                        "The post of the head \(naming.en(candidate.author)) (record \(candidate.post.seq)) reads like a directive "
                        + "(“\(candidate.opener)” … “\(candidate.deadlineWord)”) but was not confirmed within "
                        + "\(configuration.candidateConfirmationHours) hours (groupledger directive confirm \(candidate.post.seq))."
                )
            )
        }
        return findings
    }

    /// The candidates no `directive.issued` has confirmed yet.
    func unconfirmed(state: ProvinceState) -> [DirectiveCandidate] {
        let confirmed = Set(state.directives.values.compactMap(\.sourceMessage))
        return candidates.filter { !confirmed.contains($0.message) }
    }
}

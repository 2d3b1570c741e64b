import LedgerCore

/// Watches directives (R2, R9): every assignee must acknowledge a directive soon after it is given and report
/// progress (or a difficulty, or completion) by its due time.
///
/// Besides the `directive.*` records people enter, an assignee's post quoting the directive's source post, or a
/// reaction on it, counts as an acknowledgement (configurable; a 👍 is how many officials say "received"). A
/// `message.seen` receipt does not: it only shows the assignee follows the group.
///
/// When a capture gap overlaps the window, the finding says so: the ledger saw nothing then, and "no reply seen"
/// is not "no reply".
struct DirectiveWatch: Sendable, Codable {
    /// A post that quotes another or a reaction on it.
    private struct Reply: Sendable, Codable {
        let mark: EventMark
        let account: String
        let evidence: DirectiveRow.Evidence
    }

    /// Every post by message id: the record.
    var posts: [String: EventMark] = [:]
    /// Replies and reactions by the message they answer.
    private var replies: [String: [Reply]] = [:]

    /// Looks at one record.
    mutating func observe(_ recorded: RecordedEvent) {
        let event = recorded.event
        switch EventType(rawValue: event.type) {
        case .postCreated:
            guard let message = event.string("message") else { return }
            if posts[message] == nil { posts[message] = recorded.mark }
            if let quoted = event.string("quote") {
                replies[quoted, default: []].append(Reply(mark: recorded.mark, account: event.actor, evidence: .reply))
            }
        case .reactionAdded:
            guard let message = event.string("message") else { return }
            replies[message, default: []].append(Reply(mark: recorded.mark, account: event.actor, evidence: .reaction))
        default:
            break
        }
    }

    /// One row per directive and assignee, in ledger order, as of `evaluation` (Unix milliseconds).
    func rows(state: ProvinceState, at evaluation: Int64, configuration: RuleConfiguration) -> [DirectiveRow] {
        var rows: [DirectiveRow] = []
        for directive in state.directives.values.sorted(by: { $0.issued < $1.issued }) {
            let source = directive.sourceMessage.flatMap { posts[$0] }
            let start = min(
                source?.time.unixMillis ?? directive.issued.time.unixMillis,
                directive.issued.time.unixMillis
            )
            let deadline = min(
                start + Int64(configuration.directiveAcknowledgementHours) * 3_600_000,
                directive.due.unixMillis
            )
            let gaps = state.captures.gaps(overlapping: start, directive.due.unixMillis)
            for assignee in directive.assignees {
                let answers = directive.answers[assignee] ?? AssigneeProgress()
                let accounts = Set(state.persons[assignee]?.accounts.map(\.account) ?? [])
                let seen = (directive.sourceMessage.flatMap { replies[$0] } ?? []).first { reply in
                    accounts.contains(reply.account)
                        && (reply.evidence == .reply
                            ? configuration.quotingReplyAcknowledges : configuration.reactionAcknowledges)
                }
                var acknowledgement = answers.firstAnswer.map {
                    DirectiveRow.Acknowledgement(mark: $0, evidence: .recorded)
                }
                if let seen, acknowledgement.map({ seen.mark.time < $0.mark.time }) ?? true {
                    acknowledgement = DirectiveRow.Acknowledgement(mark: seen.mark, evidence: seen.evidence)
                }
                let status = directive.status(of: assignee)
                let due = directive.due.unixMillis
                let progressed = answers.firstProgress.map { $0.time.unixMillis <= due } ?? false
                let cancelledInTime = directive.cancelled.map { $0.mark.time.unixMillis <= due } ?? false
                rows.append(
                    DirectiveRow(
                        directive: directive.id,
                        group: directive.group,
                        issuer: directive.issuer,
                        assignee: assignee,
                        issued: directive.issued,
                        source: source,
                        due: directive.due,
                        acknowledgementDeadline: deadline,
                        status: status,
                        acknowledgement: acknowledgement,
                        progress: answers.firstProgress,
                        completed: answers.completed,
                        cancelled: directive.cancelled?.mark,
                        overdue: due <= evaluation && !progressed && !cancelledInTime,
                        gaps: gaps
                    )
                )
            }
        }
        return rows
    }

    /// The R9 findings for `rows` as of `evaluation`.
    static func findings(
        rows: [DirectiveRow],
        at evaluation: Int64,
        naming: PersonNaming,
        configuration: RuleConfiguration
    ) -> [Finding] {
        let clock = configuration.displayTime
        var findings: [Finding] = []
        for row in rows {
            let cancelledAt = row.cancelled?.time.unixMillis ?? Int64.max
            let due = row.due.unixMillis
            let evidence = [row.issued.seq] + (row.source.map { [$0.seq] } ?? [])
            var noteVI = ""
            var noteEN = ""
            if !row.gaps.isEmpty {
                let spans = row.gaps.map { gap in
                    "\(clock.format(gap.from.time.unixMillis)) – "
                        + (gap.to.map { clock.format($0.time.unixMillis) } ?? "…")
                }
                noteVI =
                    " Lưu ý: việc thu thập bị gián đoạn (\(spans.joined(separator: "; "))) trong khoảng thời gian "
                    + "này, nên “không thấy phản hồi” chưa chắc là “không phản hồi”."
                noteEN =
                    " Note: capture was interrupted (\(spans.joined(separator: "; "))) during this window, so "
                    + "“no reply seen” is not necessarily “no reply”."
            }
            let late = row.acknowledgement.map { $0.mark.time.unixMillis > row.acknowledgementDeadline } ?? true
            if row.acknowledgementDeadline <= evaluation, cancelledAt > row.acknowledgementDeadline, late {
                let afterVI = row.acknowledgement.map { " Phản hồi muộn ở bản ghi \($0.mark.seq)." } ?? ""
                let afterEN = row.acknowledgement.map { " A late answer came in record \($0.mark.seq)." } ?? ""
                findings.append(
                    Finding(
                        rule: "R9",
                        check: "no-acknowledgement",
                        group: row.group,
                        subject: row.assignee,
                        seqs: evidence + (row.acknowledgement.map { [$0.mark.seq] } ?? []),
                        idSeqs: [row.issued.seq],
                        time: row.acknowledgementDeadline,
                        severity: configuration.severity("R9", "no-acknowledgement"),
                        messageVI:
                            "\(naming.vi(row.assignee)) không xác nhận chỉ đạo \(row.directive) (bản ghi \(row.issued.seq)) "
                            + "trước \(clock.format(row.acknowledgementDeadline)).\(afterVI)\(noteVI)",
                        messageEN: "\(naming.en(row.assignee)) did not acknowledge directive \(row.directive) (record "
                            + "\(row.issued.seq)) by \(clock.format(row.acknowledgementDeadline)).\(afterEN)\(noteEN)",
                        captureGaps: row.gaps
                    )
                )
            }
            let answeredInTime = row.acknowledgement.map { $0.mark.time.unixMillis <= due } ?? false
            let noProgress = row.progress.map { $0.time.unixMillis > due } ?? true
            if due <= evaluation, cancelledAt > due, answeredInTime, noProgress {
                let afterVI = row.progress.map { " Tiến độ báo cáo muộn ở bản ghi \($0.seq)." } ?? ""
                let afterEN = row.progress.map { " Progress came late in record \($0.seq)." } ?? ""
                findings.append(
                    Finding(
                        rule: "R9",
                        check: "no-progress",
                        group: row.group,
                        subject: row.assignee,
                        seqs: evidence + (row.progress.map { [$0.seq] } ?? []),
                        idSeqs: [row.issued.seq],
                        time: due,
                        severity: configuration.severity("R9", "no-progress"),
                        messageVI: "\(naming.vi(row.assignee)) không báo cáo tiến độ chỉ đạo \(row.directive) (bản ghi "
                            + "\(row.issued.seq)) trước hạn \(clock.format(due)).\(afterVI)\(noteVI)",
                        messageEN:
                            "\(naming.en(row.assignee)) reported no progress on directive \(row.directive) (record "
                            + "\(row.issued.seq)) by its due time \(clock.format(due)).\(afterEN)\(noteEN)",
                        captureGaps: row.gaps
                    )
                )
            }
        }
        return findings
    }
}

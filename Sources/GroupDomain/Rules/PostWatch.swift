import LedgerCore

/// Runs the text rules R7a–R7e on every post: the text matcher on the post's text (and, with
/// `R7.check_attachments`, on attachment titles, links and descriptions), and R7d on post kinds that are emotion
/// icons in themselves (`R7.emotion_post_kinds`, e.g. stickers).
///
/// One finding per rule and post, with every matched span; its id is `R7x:post:<seq>` whatever matched, so a
/// review stays attached to it. A withheld post cannot be matched: it is listed as withheld, and when it was
/// withheld as classified (reason `R7a…`) it is an R7a finding citing the withholding record.
struct PostWatch: Sendable, Codable {
    /// A withheld post.
    private struct WithheldMark: Sendable, Codable {
        let post: EventMark
        let group: String?
    }

    /// The recall or removal of a post.
    private struct Ending: Sendable, Codable {
        let type: String
        let mark: EventMark
    }

    private var findings: [Finding] = []
    private var withheld: [WithheldMark] = []
    /// The posts that have findings, by group and message id: a later recall or removal is noted on them.
    private var postsByMessage: [String: UInt64] = [:]
    /// Recalls and removals of posts that have findings, by post seq.
    private var endings: [UInt64: Ending] = [:]
    /// Withholdings recorded after the evaluation point (``RuleChecker/noteLater(_:)``), by target seq.
    private var laterWithholdings: [UInt64: Withholding] = [:]

    /// Notes a `ledger.content_withheld` record that lies after the evaluation point: the post's content is gone
    /// all the same, and its R7a finding cites the withholding.
    mutating func noteLater(_ recorded: RecordedEvent) {
        let event = recorded.event
        guard event.type == EventType.ledgerContentWithheld.rawValue,
            let target = event.data?["seq"]?.numberValue?.int64Value, target >= 0
        else { return }
        laterWithholdings[UInt64(target)] = Withholding(
            reason: event.string("reason") ?? "",
            mark: recorded.mark,
            actor: event.actor
        )
    }

    /// Looks at one record, matching a post's texts with `matcher` (made from `configuration`).
    mutating func observe(_ recorded: RecordedEvent, matcher: TextMatcher, configuration: RuleConfiguration) {
        let event = recorded.event
        if event.type == EventType.postRecalled.rawValue || event.type == EventType.postRemoved.rawValue {
            if let message = event.string("message"), let post = postsByMessage[(event.group ?? "") + "/" + message],
                endings[post] == nil
            {
                endings[post] = Ending(type: event.type, mark: recorded.mark)
            }
            return
        }
        guard event.type == EventType.postCreated.rawValue else { return }
        if recorded.isWithheld {
            withheld.append(WithheldMark(post: recorded.mark, group: event.group))
            return
        }
        var texts: [(field: String, text: String)] = []
        if let text = event.content?["text"]?.stringValue { texts.append(("text", text)) }
        if configuration.checkAttachments, let attachments = event.content?["attachments"]?.arrayValue {
            for (position, attachment) in attachments.enumerated() {
                for part in ["title", "href", "description"] {
                    if let text = attachment[part]?.stringValue {
                        texts.append(("attachments[\(position)].\(part)", text))
                    }
                }
            }
        }
        var found: [(field: String, match: TextMatch)] = []
        for (field, text) in texts {
            for match in matcher.matches(in: text) { found.append((field, match)) }
        }
        if let text = event.content?["text"]?.stringValue {
            reviewHints(text, recorded, configuration: configuration)
        }
        let kind = event.string("kind") ?? "text"
        let emotionKind = configuration.emotionPostKinds.contains(kind)
        guard !found.isEmpty || emotionKind else { return }
        if let message = event.string("message") {
            postsByMessage[(event.group ?? "") + "/" + message] = recorded.mark.seq
        }
        var byRule: [String: [(span: TextSpan, match: TextMatch)]] = [:]
        for (field, match) in found {
            let span = TextSpan(
                field: field,
                kind: match.kind.rawValue,
                text: String(match.text),
                utf8: match.utf8Range,
                utf16: match.utf16Range,
                signals: match.signals
            )
            byRule[match.rule.rawValue, default: []].append((span, match))
        }
        if emotionKind, byRule["R7d"] == nil { byRule["R7d"] = [] }
        let mark = recorded.mark
        let place = "bản ghi \(mark.seq), nhóm \(event.group ?? "-")"
        let placeEN = "record \(mark.seq), group \(event.group ?? "-")"
        for (rule, matches) in byRule {
            let vi: String
            let en: String
            if let first = matches.first {
                let more = matches.count > 1 ? " (+\(matches.count - 1))" : ""
                vi = "\(first.match.messageVI)\(more) — \(place)."
                en = "\(first.match.messageEN)\(more) — \(placeEN)."
            } else {
                vi = "Bài đăng dạng \(kind) (biểu tượng cảm xúc cá nhân) — \(place)."
                en = "A \(kind) post (a personal emotion icon) — \(placeEN)."
            }
            findings.append(
                Finding(
                    rule: rule,
                    check: "post",
                    group: event.group,
                    seqs: [mark.seq],
                    time: mark.time.unixMillis,
                    severity: configuration.severity(rule, "post"),
                    messageVI: vi,
                    messageEN: en,
                    spans: matches.map(\.span)
                )
            )
        }
    }

    /// R6 review hints (never a verdict): a social message ("chúc mừng sinh nhật"), a long text all in capitals,
    /// or a text of punctuation only ("???"), which is not "rõ ràng, dễ hiểu".
    private mutating func reviewHints(_ text: String, _ recorded: RecordedEvent, configuration: RuleConfiguration) {
        var hintsVI: [String] = []
        var hintsEN: [String] = []
        let lowered = text.lowercased()
        if let phrase = configuration.socialPhrases.first(where: { lowered.contains($0.lowercased()) }) {
            hintsVI.append("nội dung xã giao (“\(phrase)”)")
            hintsEN.append("a social message (“\(phrase)”)")
        }
        let letters = text.filter(\.isLetter)
        if letters.count >= configuration.allCapsLetters, letters.allSatisfy({ $0.isUppercase || !$0.isCased }) {
            hintsVI.append("toàn chữ in hoa")
            hintsEN.append("all in capitals")
        }
        let visible = text.filter { !$0.isWhitespace }
        if !visible.isEmpty, visible.allSatisfy({ $0.isPunctuation }) {
            hintsVI.append("chỉ có dấu câu")
            hintsEN.append("punctuation only")
        }
        guard !hintsVI.isEmpty else { return }
        let event = recorded.event
        let mark = recorded.mark
        findings.append(
            Finding(
                rule: "R6",
                check: "hint",
                group: event.group,
                seqs: [mark.seq],
                time: mark.time.unixMillis,
                severity: configuration.severity("R6", "hint"),
                messageVI: "Gợi ý xem xét (R6, chỉ trao đổi công việc, rõ ràng, dễ hiểu): "
                    + hintsVI.joined(separator: "; ") + " — bản ghi \(mark.seq), nhóm \(event.group ?? "-").",
                messageEN: "For review (R6, work only, clear and easy to understand): "
                    + hintsEN.joined(separator: "; ")
                    + " — record \(mark.seq), group \(event.group ?? "-")."
            )
        )
    }

    /// The withholding of the post at `seq`: inside the audited records, or recorded after them.
    private func withholding(of seq: UInt64, _ state: ProvinceState) -> Withholding? {
        state.withholdings[seq] ?? laterWithholdings[seq]
    }

    /// The text findings, with R7a findings for posts withheld as classified, an R7a `not-withheld` finding for
    /// each confirmed classified post whose content the ledger still holds, and a note on findings whose post was
    /// later recalled or removed.
    func findings(state: ProvinceState, configuration: RuleConfiguration) -> [Finding] {
        var all = findings.map { finding in
            guard let seq = finding.seqs.first, let ending = endings[seq] else { return finding }
            let recalled = ending.type == EventType.postRecalled.rawValue
            let vi = recalled ? "bài đã bị thu hồi" : "bài đã bị gỡ"
            let en = recalled ? "the post was later recalled" : "the post was later removed"
            return Finding(
                rule: finding.rule,
                check: finding.check,
                group: finding.group,
                subject: finding.subject,
                seqs: finding.seqs + [ending.mark.seq],
                idSeqs: finding.seqs,
                time: finding.time,
                severity: finding.severity,
                messageVI: finding.messageVI + " (\(vi), bản ghi \(ending.mark.seq))",
                messageEN: finding.messageEN + " (\(en), record \(ending.mark.seq))",
                spans: finding.spans
            )
        }
        for finding in findings where finding.rule == "R7a" {
            guard let seq = finding.seqs.first, state.reviews[finding.id]?.verdict == "confirmed",
                withholding(of: seq, state) == nil
            else { continue }
            let review = state.reviews[finding.id]!
            all.append(
                Finding(
                    rule: "R7a",
                    check: "not-withheld",
                    group: finding.group,
                    seqs: [seq, review.mark.seq],
                    idSeqs: [seq],
                    time: review.mark.time.unixMillis,
                    severity: configuration.severity("R7a", "not-withheld"),
                    messageVI:
                        "Bài đăng (bản ghi \(seq)) đã được xác nhận là tài liệu mật (bản ghi \(review.mark.seq)) "
                        + "nhưng nội dung vẫn còn đọc được trong sổ cái: cần rút nội dung "
                        + "(groupledger withhold --seq \(seq) --reason R7a-classified).",
                    messageEN: "The post (record \(seq)) was confirmed classified (record \(review.mark.seq)) but its "
                        + "content is still readable in the ledger: withhold it "
                        + "(groupledger withhold --seq \(seq) --reason R7a-classified)."
                )
            )
        }
        for post in withheld {
            guard let withholding = withholding(of: post.post.seq, state), withholding.reason.hasPrefix("R7a") else {
                continue
            }
            all.append(
                Finding(
                    rule: "R7a",
                    check: "post",
                    group: post.group,
                    seqs: [post.post.seq, withholding.mark.seq],
                    idSeqs: [post.post.seq],
                    time: post.post.time.unixMillis,
                    severity: configuration.severity("R7a", "post"),
                    messageVI: "Nội dung bài đăng (bản ghi \(post.post.seq)) đã bị rút khỏi sổ cái vì là tài liệu mật "
                        + "(\(withholding.reason), bản ghi \(withholding.mark.seq)); không còn văn bản để đối chiếu.",
                    messageEN: "The post's content (record \(post.post.seq)) was withheld as classified "
                        + "(\(withholding.reason), record \(withholding.mark.seq)); no text is left to match."
                )
            )
        }
        return all
    }

    /// Every withheld post, with its withholding when known (also when it was recorded after the evaluation point).
    func withheldPosts(state: ProvinceState) -> [WithheldPost] {
        withheld.map { WithheldPost(post: $0.post, group: $0.group, withholding: withholding(of: $0.post.seq, state)) }
    }
}

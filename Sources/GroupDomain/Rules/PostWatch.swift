import LedgerCore

/// Runs the text rules R7a–R7e on every post: the text matcher on the post's text (and, with
/// `R7.check_attachments`, on attachment titles, links and descriptions), and R7d on post kinds that are emotion
/// icons in themselves (`R7.emotion_post_kinds`, e.g. stickers).
///
/// One finding per rule and post, with every matched span; its id is `R7x:post:<seq>` whatever matched, so a
/// review stays attached to it. A withheld post cannot be matched: it is listed as withheld, and when it was
/// withheld as classified (reason `R7a…`) it is an R7a finding citing the withholding record.
struct PostWatch: Sendable {
    private let matcher: TextMatcher
    private var findings: [Finding] = []
    private var withheld: [(post: EventMark, group: String?)] = []

    init(configuration: RuleConfiguration) {
        matcher = TextMatcher(configuration: configuration.textMatching)
    }

    /// Looks at one record.
    mutating func observe(_ recorded: RecordedEvent, configuration: RuleConfiguration) {
        let event = recorded.event
        guard event.type == "post.created" else { return }
        if recorded.isWithheld {
            withheld.append((recorded.mark, event.group))
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
        let kind = event.string("kind") ?? "text"
        let emotionKind = configuration.emotionPostKinds.contains(kind)
        guard !found.isEmpty || emotionKind else { return }
        var byRule: [String: [(span: TextSpan, match: TextMatch)]] = [:]
        for (field, match) in found {
            let span = TextSpan(
                field: field,
                kind: match.kind.rawValue,
                text: String(match.text),
                utf8: match.utf8Range,
                utf16: match.utf16Range
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

    /// The text findings, with R7a findings for posts withheld as classified.
    func findings(state: ProvinceState, configuration: RuleConfiguration) -> [Finding] {
        var all = findings
        for post in withheld {
            guard let withholding = state.withholdings[post.post.seq], withholding.reason.hasPrefix("R7a") else {
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

    /// Every withheld post, with its withholding when known.
    func withheldPosts(state: ProvinceState) -> [WithheldPost] {
        withheld.map { WithheldPost(post: $0.post, group: $0.group, withholding: state.withholdings[$0.post.seq]) }
    }
}

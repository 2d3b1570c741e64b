public import LedgerCore

extension AuditReport {
    /// The report as one JSON object: `summary`, `findings` (each with at least `rule`, `group`, `seq`),
    /// `directives`, `withheld_posts`, `candidates`, and `people`: every registered person the report names (a
    /// finding's subject or reviewer, a directive's issuer or assignee, a candidate's author, whoever ordered a
    /// withholding) with `full_name` (or `full_name_withheld`), `position` and `unit`. Both message languages are
    /// included; `message` is the one in `language`. Serialize with ``JCS`` for byte-identical output.
    public func json(_ language: ReportLanguage) -> JSONValue {
        JSONBuilding.object([
            ("evaluated_at", .string(Timestamp.format(unixMillis: result.evaluatedAt))),
            ("from", from.map { .string(Timestamp.format(unixMillis: $0)) }),
            ("group", JSONBuilding.string(group)),
            ("through", result.state.through?.json ?? .null),
            ("records", JSONBuilding.number(result.state.events)),
            ("summary", summaryJSON),
            ("findings", .array(findings.map { $0.json(language, clock: clock) })),
            ("directives", .array(directives.map(\.json))),
            ("people", peopleJSON),
            (
                "withheld_posts",
                .array(
                    withheldPosts.map { post in
                        JSONBuilding.object([
                            ("seq", JSONBuilding.number(post.post.seq)), ("time", .string(post.post.time.text)),
                            ("group", JSONBuilding.string(post.group)),
                            ("reason", JSONBuilding.string(post.withholding?.reason)),
                            ("withheld_by", post.withholding.map { JSONBuilding.number($0.mark.seq) }),
                            ("ordered_by", JSONBuilding.string(post.withholding?.actor)),
                            ("withheld_at", JSONBuilding.string(post.withholding?.mark.time.text)),
                        ])
                    }
                )
            ),
            (
                "candidates",
                .array(
                    candidates.map { candidate in
                        [
                            "seq": JSONBuilding.number(candidate.post.seq), "time": .string(candidate.post.time.text),
                            "group": .string(candidate.group), "message": .string(candidate.message),
                            "author": .string(candidate.author), "opener": .string(candidate.opener),
                            "deadline_word": .string(candidate.deadlineWord), "text": .string(candidate.text),
                            "due": candidate.due.map { .string($0.text) } ?? .null,
                        ]
                    }
                )
            ),
        ])
    }

    /// The registered people the report names, by id.
    private var peopleJSON: JSONValue {
        var ids = Set(findings.compactMap(\.subject))
        ids.formUnion(findings.compactMap { $0.review?.reviewer })
        for row in directives {
            ids.insert(row.issuer)
            ids.insert(row.assignee)
        }
        ids.formUnion(candidates.map(\.author))
        ids.formUnion(withheldPosts.compactMap { $0.withholding?.actor })
        let registered = ids.filter { result.state.persons[$0] != nil }
        return JSONBuilding.object(keyedBy: registered.sorted()) { id in
            let person = result.state.persons[id]
            return JSONBuilding.object(
                (person?.fullName?.members("full_name") ?? []) + [
                    ("position", JSONBuilding.string(person?.position)),
                    ("unit", JSONBuilding.string(person?.unit)),
                ]
            )
        }
    }

    private var summaryJSON: JSONValue {
        func tally(_ tally: Tally) -> JSONValue {
            [
                "total": JSONBuilding.number(tally.total), "open": JSONBuilding.number(tally.open),
                "reviewed": JSONBuilding.number(tally.reviewed),
                "by_severity": JSONBuilding.object(keyedBy: tally.bySeverity.keys.map(\.rawValue)) {
                    JSONBuilding.number(tally.bySeverity[Severity(rawValue: $0)!]!)
                },
            ]
        }
        let rules = byRule
        let groups = byGroup
        return [
            "findings": JSONBuilding.number(findings.count),
            "by_rule": JSONBuilding.object(keyedBy: rules.map(\.rule)) { rule in
                tally(rules.first { $0.rule == rule }!.tally)
            },
            "by_group": JSONBuilding.object(keyedBy: groups.map(\.group)) { group in
                tally(groups.first { $0.group == group }!.tally)
            },
            "directive_rows": JSONBuilding.number(directives.count),
            "overdue": JSONBuilding.number(directives.filter(\.overdue).count),
            "withheld_posts": JSONBuilding.number(withheldPosts.count),
            "candidates": JSONBuilding.number(candidates.count),
        ]
    }
}

extension Finding {
    func json(_ language: ReportLanguage, clock: DisplayTime) -> JSONValue {
        JSONBuilding.object([
            ("id", .string(id)),
            ("rule", .string(rule)),
            ("check", .string(check)),
            ("group", JSONBuilding.string(group) ?? .null),
            ("seq", seqs.first.map { JSONBuilding.number($0) } ?? .null),
            ("seqs", .array(seqs.map { JSONBuilding.number($0) })),
            ("subject", JSONBuilding.string(subject)),
            ("severity", .string(severity.rawValue)),
            ("time", .string(Timestamp.format(unixMillis: time))),
            ("message", .string(message(language))),
            ("message_vi", .string(messageVI)),
            ("message_en", .string(messageEN)),
            ("span", spans.first?.json),
            ("spans", spans.isEmpty ? nil : .array(spans.map(\.json))),
            ("capture_gaps", captureGaps.isEmpty ? nil : .array(captureGaps.map(\.json))),
            ("resolved", resolved?.json),
            (
                "review",
                review.map { review in
                    [
                        "verdict": .string(review.verdict), "reviewer": .string(review.reviewer),
                        "seq": JSONBuilding.number(review.mark.seq),
                    ]
                }
            ),
        ])
    }
}

extension TextSpan {
    var json: JSONValue {
        JSONBuilding.object([
            ("field", .string(field)), ("kind", .string(kind)), ("text", .string(text)),
            ("utf8", [JSONBuilding.number(utf8.lowerBound), JSONBuilding.number(utf8.upperBound)]),
            ("utf16", [JSONBuilding.number(utf16.lowerBound), JSONBuilding.number(utf16.upperBound)]),
            ("signals", signals.isEmpty ? nil : .array(signals.map(\.json))),
        ])
    }
}

extension EvidenceSignal {
    /// A signal for the JSON report: its group, weight, term, text and spans.
    var json: JSONValue {
        [
            "group": .string(group), "weight": JSONBuilding.number(weight), "term": .string(term),
            "text": .string(String(text)),
            "utf8": [JSONBuilding.number(utf8Range.lowerBound), JSONBuilding.number(utf8Range.upperBound)],
            "utf16": [JSONBuilding.number(utf16Range.lowerBound), JSONBuilding.number(utf16Range.upperBound)],
        ]
    }
}

extension DirectiveRow {
    var json: JSONValue {
        JSONBuilding.object([
            ("directive", .string(directive)),
            ("group", .string(group)),
            ("issuer", .string(issuer)),
            ("assignee", .string(assignee)),
            ("issued", issued.json),
            ("source", source?.json),
            ("due", .string(due.text)),
            ("acknowledgement_deadline", .string(Timestamp.format(unixMillis: acknowledgementDeadline))),
            ("status", .string(status.rawValue)),
            (
                "acknowledged",
                acknowledgement.map { seen in
                    JSONBuilding.object([
                        ("seq", JSONBuilding.number(seen.mark.seq)), ("time", .string(seen.mark.time.text)),
                        ("evidence", .string(seen.evidence.rawValue)),
                    ])
                }
            ),
            ("progress", progress?.json),
            ("completed", completed?.json),
            ("cancelled", cancelled?.json),
            ("overdue", .bool(overdue)),
            ("capture_gaps", gaps.isEmpty ? nil : .array(gaps.map(\.json))),
        ])
    }
}

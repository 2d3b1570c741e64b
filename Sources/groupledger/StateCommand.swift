import ArgumentParser
import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerStorage

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Rebuild every group's state from the ledger, now or at an earlier record or time.",
        discussion: """
            --at SEQ folds records 0...SEQ: what the ledger knew after that record. --at TIME (RFC 3339, e.g. \
            2026-11-15T17:00:00+07:00, or a date, 2026-11-15, meaning the end of that day in Việt Nam time) folds \
            the records whose event time is at or before TIME: what had happened \
            by then, including facts recorded later; add --clock append to use the time the ledger appended each \
            record instead. --json prints one canonical JSON object (RFC 8785) whose state_hash is the SHA-256 of \
            the same object without state_hash: the same ledger always prints the same bytes.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(help: "A record number or an RFC 3339 time (default: everything).")
    var at: String?

    @Option(help: "Which time --at TIME means: event (when it happened) or append (when the ledger stored it).")
    var clock: Clock = .event

    @Option(help: "Show only this group, its directives and its people.")
    var group: String?

    @Flag(help: "Print one canonical JSON object with its state hash.")
    var json = false

    @Option(help: "The language of the text's labels: en or vi (the JSON is the same in both).")
    var lang: AuditCommand.Language = .en

    enum Clock: String, ExpressibleByArgument, CaseIterable {
        case event
        case append
    }

    func validate() throws {
        do {
            if let at { _ = try RecordSource.cutoff(at, clock: clock == .append) }
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        try Failure.reporting {
            let cutoff = try at.map { try RecordSource.cutoff($0, clock: clock == .append) } ?? .everything
            var projector = Projector()
            try RecordSource.read(ledger.path, cutoff: cutoff, warn: Console.warn) { projector.apply($0) }
            let state = projector.state
            if let group, state.groups[group] == nil {
                throw LedgerError(
                    .notFound,
                    "group \(group) is not in the ledger at this point; known groups: "
                        + state.groups.keys.sorted().joined(separator: ", ")
                )
            }
            let document = state.canonicalDocument(group: group)
            if json {
                print(String(decoding: document.bytes, as: UTF8.self))
            } else {
                print(StatePresentation.text(state, group: group, hash: document.hash.hex, vi: lang == .vi))
            }
        }
    }
}

/// How `state` prints a state for people.
enum StatePresentation {
    /// One paragraph of counts and the state hash, for `demo`.
    static func summary(_ state: ProvinceState) -> String {
        let through = state.through.map { "record \($0.seq)" } ?? "no records"
        let memberships = state.groups.values.reduce(0) { $0 + $1.members.count }
        let rows = state.directives.values.reduce(0) { $0 + $1.assignees.count }
        let counts = [
            "groups \(state.groups.count)", "persons \(state.persons.count)", "bound accounts \(state.bindings.count)",
            "memberships \(memberships)", "directives \(state.directives.count) (assignees \(rows))",
            "capture gaps \(state.captures.gaps.count)", "withheld records \(state.withholdings.count)",
        ]
        return counts.joined(separator: ", ") + "\nthrough \(through); state hash \(state.canonicalDocument().hash.hex)"
    }

    static func text(_ state: ProvinceState, group only: String?, hash: String, vi: Bool = false) -> String {
        func l(_ english: String, _ vietnamese: String) -> String { vi ? vietnamese : english }
        let naming = PersonNaming(state)
        func person(_ id: String) -> String { vi ? naming.vi(id) : naming.en(id) }
        let language: ReportLanguage = vi ? .vi : .en
        var lines: [String] = []
        let through =
            state.through.map { l("record", "bản ghi") + " \($0.seq) (\($0.time.text))" }
            ?? l("no records", "chưa có bản ghi")
        lines.append(
            l("state through", "trạng thái đến") + " \(through), \(state.events) " + l("records", "bản ghi") + "; "
                + l("state hash", "mã băm trạng thái") + " \(hash)"
        )
        func name(_ text: RecordedText?) -> String {
            switch text {
            case .text(let name): "\"\(SafeText.neutralised(name))\""
            case .withheld: l("(name withheld)", "(đã rút tên)")
            case nil: l("(no name recorded)", "(chưa ghi tên)")
            }
        }
        for group in state.groups.values.sorted(by: { $0.id < $1.id }) where only == nil || group.id == only {
            lines.append("")
            lines.append(
                l("group", "nhóm") + " \(group.id) \(name(group.name)) — " + l("field", "lĩnh vực")
                    + " \(group.field ?? "-"), " + l("decision", "quyết định") + " \(group.decision ?? "-")"
            )
            lines.append(
                "  " + l("head      ", "Trưởng Nhóm") + " "
                    + (group.head.map { "\(person($0.holder)) (#\($0.since.seq))" } ?? l("none", "không có"))
            )
            if !group.deputies.isEmpty {
                lines.append(
                    "  " + l("deputies  ", "Phó Trưởng Nhóm") + " "
                        + group.deputies.keys.sorted().map(person).joined(separator: ", ")
                )
            }
            let admins = group.admins.values.sorted { $0.since < $1.since }
                .map {
                    "\(person($0.holder)) " + l("assigned by", "do") + " \(person($0.by ?? "?")) " + l("", "giao ")
                        + "(#\($0.since.seq))"
                }
            lines.append(
                "  " + l("admins    ", "quản trị") + " "
                    + (admins.isEmpty ? l("none", "không có") : admins.joined(separator: "; "))
            )
            if !group.platformAdmins.isEmpty {
                lines.append(
                    "  " + l("platform admins", "quản trị trên Zalo") + " "
                        + group.platformAdmins.keys.sorted().joined(separator: ", ")
                )
            }
            lines.append("  " + l("members   ", "thành viên") + " \(group.members.count)")
            for (account, membership) in group.members.sorted(by: {
                ($0.value.since.seq, $0.key) < ($1.value.since.seq, $1.key)
            }) {
                lines.append(
                    "    \(account)  \(state.person(of: account).map(person) ?? l("(unbound)", "(chưa gắn người)"))  "
                        + l("since", "từ") + " \(membership.since.time.text) "
                        + "(#\(membership.since.seq))"
                )
            }
            if let settings = group.settings {
                lines.append("  " + l("settings  ", "cài đặt") + " \(settings.value) (#\(settings.mark.seq))")
            }
            lines.append(
                "  " + l("posts     ", "bài đăng") + " \(group.posts) (" + l("recalled", "thu hồi")
                    + " \(group.recalled), "
                    + l("removed", "bị gỡ") + " \(group.removed)); \(group.acknowledgements.count) "
                    + l("rule acknowledgements", "xác nhận nội quy")
            )
        }
        let shownGroups = Set(state.groups.keys.filter { only == nil || $0 == only })
        let directives = state.directives.values.filter { shownGroups.contains($0.group) }.sorted {
            $0.issued < $1.issued
        }
        if !directives.isEmpty {
            lines.append("")
            lines.append(l("directives", "chỉ đạo"))
            for directive in directives {
                let answers = directive.assignees.map { "\(person($0)) \(language.label(directive.status(of: $0)))" }
                lines.append(
                    "  \(directive.id) " + l("in", "trong") + " \(directive.group) " + l("by", "của")
                        + " \(person(directive.issuer)) (#\(directive.issued.seq)), " + l("due", "hạn")
                        + " \(directive.due.text): "
                        + answers.joined(separator: ", ")
                )
            }
        }
        if only == nil {
            lines.append("")
            lines.append(l("persons", "người") + " \(state.persons.count)")
            for person in state.persons.values.sorted(by: { $0.id < $1.id }) {
                let accounts = person.accounts.map { period in
                    "\(period.account) (#\(period.bound.seq)–" + (period.unbound.map { "#\($0.seq)" } ?? "") + ")"
                }
                lines.append(
                    "  \(person.id) \(name(person.fullName)) — \(person.position ?? "-"), \(person.unit ?? "-"); "
                        + l("accounts ", "tài khoản ")
                        + (accounts.isEmpty ? l("none", "không có") : accounts.joined(separator: ", "))
                )
            }
            lines.append("")
            lines.append(
                l("captures", "phiên thu thập") + ": \(state.captures.sessions.count) " + l("sessions", "phiên") + ", "
                    + "\(state.captures.gaps.count) " + l("gaps", "gián đoạn")
            )
            for gap in state.captures.gaps {
                lines.append(
                    "  " + l("gap", "gián đoạn") + " \(gap.account) " + l("from", "từ") + " #\(gap.from.seq) "
                        + "(\(gap.from.time.text)) " + l("to", "đến") + " "
                        + (gap.to.map { "#\($0.seq) (\($0.time.text))" } ?? l("now", "nay"))
                )
            }
        }
        return lines.map(SafeText.neutralised).joined(separator: "\n")
    }
}

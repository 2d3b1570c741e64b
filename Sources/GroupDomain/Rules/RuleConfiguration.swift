public import LedgerCore

/// Deadlines, severities and lists the rule checker uses: a JSON file (`--config`) laid over the bundled
/// defaults (``defaultJSON``), never code.
///
/// Members, all optional in a file:
/// - `display_offset_minutes`: the local offset for times in messages (420 = UTC+7).
/// - `severity`: `{"R7a": "critical", "R4:unbound-account": "low", …}` by rule, or by `rule:check`.
/// - `R1.grace_hours`: how long a group may be without a head before it is a finding; `R1.leader_positions`: what
///   the head's registered position and unit must contain ("Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh").
/// - `R6.social_phrases`, `R6.all_caps_letters`: review hints (R6 is never a verdict): social messages, long
///   texts all in capitals; a text of punctuation only is always a hint.
/// - `R2.confirmation_hours`: how long a directive candidate may wait for confirmation before it is a finding.
/// - `R3.role_mismatch_grace_hours`: how long policy roles may disagree with the platform (a head or admin none of
///   whose accounts is a member, a platform admin nobody assigned) before it is a finding.
/// - `R3.no_admin_grace_hours`, `R3.two_admins_grace_hours`: the same for no admin, and for two admins at once
///   (a hand-over overlaps for a while).
/// - `R4.flag_unbound_accounts`: report accounts that act but are bound to no registered person.
/// - `R5.acknowledgement_window_hours`: how long a member may go without acknowledging the rules.
/// - `R7.emotion_post_kinds`: post kinds that are emotion icons in themselves (R7d); `R7.check_attachments`:
///   also match attachment titles, links and descriptions. The word lists, stamps, official domains and advert
///   signals are the text matcher's own file (``MatchConfiguration``, `Fixtures/config/rules.json`), set in
///   ``textMatching`` (`groupledger audit --text-rules FILE`).
/// - `R9.acknowledgement_hours`: how soon after a directive each assignee must acknowledge it (capped at its due
///   time); `R9.quoting_reply_acknowledges`, `R9.reaction_acknowledges`: whether an assignee's post quoting the
///   directive's source post, or a reaction on it, counts as an acknowledgement.
/// - `candidates.openers`, `candidates.deadline_words`: how a head's post reads as a directive candidate.
///
/// Deadlines are in calendar hours; working hours and holidays are not modelled.
public struct RuleConfiguration: Sendable {
    /// `display_offset_minutes`: how times are shown in messages and reports.
    public var displayTime: DisplayTime
    /// `severity`: by rule id or by `rule:check`.
    public var severities: [String: Severity]
    /// `R1.grace_hours`.
    public var headGraceHours: Int
    /// `R3.no_admin_grace_hours`.
    public var noAdminGraceHours: Int
    /// `R3.two_admins_grace_hours`.
    public var twoAdminsGraceHours: Int
    /// `R3.role_mismatch_grace_hours`: how long policy and platform roles may disagree (a head or admin not in the
    /// group, a platform admin nobody assigned, a head who is no provincial leader) before it is a finding.
    public var roleMismatchGraceHours: Int
    /// `R1.leader_positions`: what a head's registered position and unit must contain, e.g. "Chủ tịch UBND tỉnh".
    public var leaderPositions: [String]
    /// `R4.flag_unbound_accounts`.
    public var flagUnboundAccounts: Bool
    /// `R5.acknowledgement_window_hours`.
    public var acknowledgementWindowHours: Int
    /// `R7.emotion_post_kinds`.
    public var emotionPostKinds: Set<String>
    /// `R7.check_attachments`.
    public var checkAttachments: Bool
    /// The text matcher's own configuration (`--text-rules FILE`; its bundled default otherwise).
    public var textMatching: MatchConfiguration
    /// `R9.acknowledgement_hours`.
    public var directiveAcknowledgementHours: Int
    /// `R9.quoting_reply_acknowledges`.
    public var quotingReplyAcknowledges: Bool
    /// `R9.reaction_acknowledges`.
    public var reactionAcknowledges: Bool
    /// `R6.social_phrases`: phrases that make a post a social message, for an R6 review hint.
    public var socialPhrases: [String]
    /// `R6.all_caps_letters`: how many letters, all capitals, make a post an R6 "all in capitals" hint.
    public var allCapsLetters: Int
    /// `R2.confirmation_hours`: how long a directive candidate may wait for a person to confirm it.
    public var candidateConfirmationHours: Int
    /// `candidates.openers`.
    public var candidateOpeners: [String]
    /// `candidates.deadline_words`.
    public var candidateDeadlineWords: [String]

    /// The bundled defaults.
    public static let `default`: RuleConfiguration = {
        do {
            return try RuleConfiguration(json: Array(defaultJSON.utf8))
        } catch {
            preconditionFailure("the bundled rule configuration does not parse: \(error)")
        }
    }()

    /// Reads a configuration file's bytes and lays them over the defaults.
    ///
    /// - Throws: `.badInput` naming the member that is unknown or has the wrong type, so that a typo never
    ///   passes silently.
    public init(json bytes: [UInt8]) throws(LedgerError) {
        let parsed: JSONValue
        do { parsed = try JSONParser().parse(bytes) } catch {
            throw LedgerError(.badInput, "rule configuration: not valid JSON: \(error)")
        }
        let defaults: JSONValue
        do { defaults = try JSONParser().parse(Array(RuleConfiguration.defaultJSON.utf8)) } catch {
            preconditionFailure("the bundled rule configuration does not parse: \(error)")
        }
        let merged = try Self.overlay(parsed, on: defaults, path: "")
        let reader = SettingsReader(merged)
        displayTime = DisplayTime(offsetMinutes: try reader.integer("display_offset_minutes", in: -840...840))
        var severities: [String: Severity] = [:]
        for (key, value) in try reader.object("severity").members {
            guard let name = value.stringValue, let severity = Severity(rawValue: name) else {
                throw LedgerError(
                    .badInput,
                    "rule configuration: \"severity.\(key)\" must be one of "
                        + Severity.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
            severities[key] = severity
        }
        self.severities = severities
        headGraceHours = try reader.integer("R1.grace_hours")
        noAdminGraceHours = try reader.integer("R3.no_admin_grace_hours")
        twoAdminsGraceHours = try reader.integer("R3.two_admins_grace_hours")
        roleMismatchGraceHours = try reader.integer("R3.role_mismatch_grace_hours")
        leaderPositions = try reader.strings("R1.leader_positions")
        flagUnboundAccounts = try reader.bool("R4.flag_unbound_accounts")
        acknowledgementWindowHours = try reader.integer("R5.acknowledgement_window_hours")
        emotionPostKinds = Set(try reader.strings("R7.emotion_post_kinds"))
        checkAttachments = try reader.bool("R7.check_attachments")
        textMatching = .default
        directiveAcknowledgementHours = try reader.integer("R9.acknowledgement_hours")
        quotingReplyAcknowledges = try reader.bool("R9.quoting_reply_acknowledges")
        reactionAcknowledges = try reader.bool("R9.reaction_acknowledges")
        candidateConfirmationHours = try reader.integer("R2.confirmation_hours")
        socialPhrases = try reader.strings("R6.social_phrases")
        allCapsLetters = try reader.integer("R6.all_caps_letters")
        candidateOpeners = try reader.strings("candidates.openers")
        candidateDeadlineWords = try reader.strings("candidates.deadline_words")
    }

    /// The severity for `rule`'s `check`: `severity["rule:check"]`, else `severity["rule"]`, else medium.
    public func severity(_ rule: String, _ check: String) -> Severity {
        severities[rule + ":" + check] ?? severities[rule] ?? .medium
    }

    /// `file` laid over `defaults`: objects merge member by member; a member the defaults do not have is refused,
    /// except inside `severity` (any rule or rule:check).
    private static func overlay(
        _ file: JSONValue,
        on defaults: JSONValue,
        path: String
    ) throws(LedgerError)
        -> JSONValue
    {
        guard let fileObject = file.objectValue, let defaultObject = defaults.objectValue else {
            guard file.kindName == defaults.kindName else {
                throw LedgerError(
                    .badInput,
                    "rule configuration: \"\(path)\" must be \(defaults.kindName), found \(file.kindName)"
                )
            }
            return file
        }
        var members = defaultObject.members
        for (key, value) in fileObject.members {
            let child = path.isEmpty ? key : path + "." + key
            if let position = defaultObject.position(of: key) {
                let merged =
                    child == "severity"
                    ? try overlaySeverities(value, on: members[position].value)
                    : try overlay(value, on: members[position].value, path: child)
                members[position] = (key: key, value: merged)
            } else {
                let known = defaultObject.keys.sorted().joined(separator: ", ")
                throw LedgerError(
                    .badInput,
                    "rule configuration: unknown member \"\(child)\" (known here: \(known))"
                )
            }
        }
        return .object(JSONObject(members: members))
    }

    private static func overlaySeverities(_ file: JSONValue, on defaults: JSONValue) throws(LedgerError) -> JSONValue {
        guard let fileObject = file.objectValue, var members = defaults.objectValue?.members else {
            throw LedgerError(.badInput, "rule configuration: \"severity\" must be an object")
        }
        for (key, value) in fileObject.members {
            if let position = members.firstIndex(where: { $0.key == key }) {
                members[position] = (key: key, value: value)
            } else {
                members.append((key: key, value: value))
            }
        }
        return .object(JSONObject(members: members))
    }
}

/// Reads typed members of the merged configuration by dotted path.
private struct SettingsReader {
    let root: JSONValue

    init(_ root: JSONValue) { self.root = root }

    func value(_ path: String) -> JSONValue? {
        path.split(separator: ".").reduce(Optional(root)) { value, key in value?[String(key)] }
    }

    func integer(_ path: String, in range: ClosedRange<Int> = 0...100_000) throws(LedgerError) -> Int {
        guard let number = value(path)?.numberValue?.int64Value, range.contains(Int(number)) else {
            throw LedgerError(
                .badInput,
                "rule configuration: \"\(path)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return Int(number)
    }

    func bool(_ path: String) throws(LedgerError) -> Bool {
        guard let flag = value(path)?.boolValue else {
            throw LedgerError(.badInput, "rule configuration: \"\(path)\" must be true or false")
        }
        return flag
    }

    func strings(_ path: String) throws(LedgerError) -> [String] {
        guard let items = value(path)?.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            throw LedgerError(.badInput, "rule configuration: \"\(path)\" must be an array of strings")
        }
        return items.compactMap(\.stringValue)
    }

    func object(_ path: String) throws(LedgerError) -> JSONObject {
        guard let object = value(path)?.objectValue else {
            throw LedgerError(.badInput, "rule configuration: \"\(path)\" must be an object")
        }
        return object
    }
}

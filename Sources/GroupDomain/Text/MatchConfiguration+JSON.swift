import LedgerCore

extension MatchConfiguration {
    /// The value of the top-level `format` member.
    public static let jsonFormat = "groupledger-text-rules"
    /// The value of the top-level `version` member this code reads.
    public static let jsonVersion = 1

    /// Reads a configuration from the JSON of a text-rules file (the shape of `Fixtures/config/rules.json`).
    ///
    /// The file is read strictly: every member is required (an empty list is allowed), unknown members are errors,
    /// and every word-list entry must be one or more whole words separated by spaces, so a typo cannot silently turn
    /// a list off. Any object may carry a `note` (a string or a list of strings) for people.
    ///
    /// - Parameter json: The file's bytes (UTF-8 JSON, RFC 8259; duplicate keys are rejected).
    /// - Throws: `LedgerError` with code `bad-input` whose message names the JSON path of the problem, e.g.
    ///   `text rules: $.R7b.officialDomains[2] "*.gov.vn" must be a lowercase ASCII domain name ...`.
    public init(json: [UInt8]) throws {
        let root: JSONValue
        do {
            root = try JSONParser().parse(json)
        } catch {
            throw LedgerError(.badInput, "text rules: not valid JSON: \(error.message)")
        }
        self = try Self.read(root)
    }

    /// Reads the top-level object.
    private static func read(_ root: JSONValue) throws(LedgerError) -> MatchConfiguration {
        let top = try ConfigurationReader(
            root,
            path: "$",
            keys: ["format", "version", "R7a", "R7b", "R7c", "R7d", "R7e"]
        )
        guard try top.string("format") == jsonFormat else {
            throw ConfigurationReader.error(top.path("format"), "must be \"\(jsonFormat)\"")
        }
        _ = try top.integer("version", in: jsonVersion...jsonVersion)

        let r7a = try top.object(
            "R7a",
            keys: [
                "levels", "labels", "phrases", "falseFriends", "recall", "needContext", "labelLinks", "documentNouns",
            ]
        )
        let stamps = Stamps(
            levels: try r7a.terms("levels"),
            labels: try r7a.terms("labels"),
            phrases: try r7a.terms("phrases"),
            falseFriends: try r7a.terms("falseFriends"),
            recall: try r7a.has("recall") ? r7a.bool("recall") : false,
            needContext: try r7a.has("needContext") ? r7a.terms("needContext") : [],
            labelLinks: try r7a.has("labelLinks") ? r7a.terms("labelLinks") : [],
            documentNouns: try r7a.has("documentNouns") ? r7a.terms("documentNouns") : []
        )

        let r7b = try top.object("R7b", keys: ["officialDomains", "platformDomains", "bareDomainSuffixes"])
        let links = Links(
            officialDomains: try r7b.strings("officialDomains", check: domainProblem).map { $0.lowercased() },
            platformDomains: try r7b.strings("platformDomains", check: domainProblem).map { $0.lowercased() },
            bareDomainSuffixes: try r7b.strings("bareDomainSuffixes", check: suffixProblem).map { $0.lowercased() }
        )

        let r7c = try top.object(
            "R7c",
            keys: ["words", "falseFriends", "groups", "weights", "threshold", "minimumGroups", "needs", "unaccented"]
        )
        let unlawful = WordList(words: try r7c.terms("words"), falseFriends: try r7c.terms("falseFriends"))
        let unlawfulEvidence = try readUnlawfulEvidence(r7c)

        let r7d = try top.object("R7d", keys: ["words", "falseFriends", "emoticons", "emoji", "emoticonGuards"])
        let offensive = WordList(words: try r7d.terms("words"), falseFriends: try r7d.terms("falseFriends"))
        let emoticons = try r7d.strings("emoticons") { emoticon in
            emoticon.contains(where: \.isWhitespace) ? "must not contain spaces" : nil
        }
        let emojiObject = try r7d.object(
            "emoji",
            keys: ["countBareDigitsAndSigns", "countTextStyleSymbols", "alwaysCount"]
        )
        let emoji = EmojiSettings(
            countBareDigitsAndSigns: try emojiObject.bool("countBareDigitsAndSigns"),
            countTextStyleSymbols: try emojiObject.bool("countTextStyleSymbols"),
            alwaysCount: try emojiObject.strings("alwaysCount") { $0.count == 1 ? nil : "must be a single character" }
        )

        let adverts = try readAdverts(
            top.object(
                "R7e",
                keys: ["minimumGroups", "groups", "falseFriends", "amounts", "phoneNumbers", "threshold", "weights"]
            )
        )
        var configuration = MatchConfiguration(
            stamps: stamps,
            links: links,
            unlawfulWords: unlawful,
            offensiveWords: offensive,
            emoticons: emoticons,
            emoji: emoji,
            adverts: adverts
        )
        configuration.emoticonGuards = try r7d.has("emoticonGuards") ? r7d.bool("emoticonGuards") : false
        configuration.unlawfulEvidence = unlawfulEvidence
        return configuration
    }

    /// Reads the optional weighing members of the `R7c` object; `nil` when it has no `groups` (the version-1 list).
    private static func readUnlawfulEvidence(_ r7c: ConfigurationReader) throws(LedgerError) -> UnlawfulEvidence? {
        guard r7c.has("groups") else {
            for key in ["weights", "threshold", "minimumGroups", "needs", "unaccented"] where r7c.has(key) {
                throw ConfigurationReader.error(r7c.path(key), "is read only with \"groups\"")
            }
            return nil
        }
        let groups = try readGroups(r7c)
        let names = Set(groups.map(\.name))
        guard !names.contains(UnlawfulMatcher.wordsGroup) else {
            throw ConfigurationReader.error(
                r7c.path("groups") + "." + UnlawfulMatcher.wordsGroup,
                "is the name of the \"words\" list; choose another"
            )
        }
        let unaccented = try r7c.has("unaccented") ? r7c.terms("unaccented") : []
        let known = Set(groups.flatMap(\.terms).map { $0.lowercased() })
        if let stray = unaccented.firstIndex(where: { !known.contains($0.lowercased()) }) {
            throw ConfigurationReader.error(
                r7c.path("unaccented") + "[\(stray)]",
                "\"\(unaccented[stray])\" is not a term of any group"
            )
        }
        var needs: [String: [String]] = [:]
        if r7c.has("needs") {
            let object = try r7c.object("needs", keys: names)
            for name in names where object.has(name) {
                needs[name] = try object.strings(name) { names.contains($0) ? nil : "is not one of the groups" }
            }
        }
        return UnlawfulEvidence(
            groups: groups,
            weights: try readWeights(r7c, names: names),
            threshold: try r7c.integer("threshold", in: 1...1000),
            minimumGroups: try r7c.has("minimumGroups") ? r7c.integer("minimumGroups", in: 1...groups.count) : 1,
            needs: needs,
            unaccented: unaccented
        )
    }

    /// Reads the `groups` object of `reader`: named lists of terms.
    private static func readGroups(_ reader: ConfigurationReader) throws(LedgerError) -> [SignalGroup] {
        guard let groupsObject = try reader.value("groups").objectValue, !groupsObject.isEmpty else {
            throw ConfigurationReader.error(reader.path("groups"), "must be an object of named lists of terms")
        }
        let groupsReader = try ConfigurationReader(
            .object(groupsObject),
            path: reader.path("groups"),
            keys: Set(groupsObject.keys)
        )
        var groups: [SignalGroup] = []
        for name in groupsObject.keys where name != "note" {
            groups.append(SignalGroup(name: name, terms: try groupsReader.terms(name)))
        }
        return groups
    }

    /// Reads the optional `weights` object of `reader`, whose members must be group `names`.
    private static func readWeights(
        _ reader: ConfigurationReader,
        names: Set<String>
    ) throws(LedgerError) -> [String: Int] {
        var weights: [String: Int] = [:]
        if reader.has("weights") {
            let object = try reader.object("weights", keys: names)
            for name in names where object.has(name) {
                weights[name] = try object.integer(name, in: -100...100)
            }
        }
        return weights
    }

    /// Reads the `R7e` object.
    private static func readAdverts(_ r7e: ConfigurationReader) throws(LedgerError) -> Adverts {
        let groups = try readGroups(r7e)
        let names = Set(groups.map(\.name))
        func groupName(_ reader: ConfigurationReader) throws(LedgerError) -> String {
            let name = try reader.string("group")
            guard names.contains(name) else {
                throw ConfigurationReader.error(reader.path("group"), "\"\(name)\" is not one of the groups")
            }
            return name
        }

        var amountGroup: String?
        var amountUnits: [String] = []
        if let amounts = try r7e.optionalObject("amounts", keys: ["group", "units"]) {
            amountGroup = try groupName(amounts)
            amountUnits = try amounts.strings("units") { unit in
                unit.contains(where: { !$0.isLetter && !$0.isSymbol }) ? "must be letters or a currency sign" : nil
            }
        }
        var phoneGroup: String?
        if let phones = try r7e.optionalObject("phoneNumbers", keys: ["group"]) {
            phoneGroup = try groupName(phones)
        }
        let weights = try readWeights(r7e, names: names)
        return Adverts(
            minimumGroups: try r7e.integer("minimumGroups", in: 1...groups.count),
            groups: groups,
            falseFriends: try r7e.terms("falseFriends"),
            amountUnits: amountUnits,
            amountGroup: amountGroup,
            phoneGroup: phoneGroup,
            threshold: try r7e.has("threshold") ? r7e.integer("threshold", in: 1...1000) : nil,
            weights: weights
        )
    }

    /// Why `domain` is not an acceptable domain entry, or `nil`.
    private static func domainProblem(_ domain: String) -> String? {
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            domain.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E
            } && labels.allSatisfy { !$0.isEmpty }
        return valid
            ? nil
            : "must be a domain name in ASCII letters, digits, '-' and '.' (subdomains are always included; "
                + "write internationalised names in punycode, xn--...)"
    }

    /// Why `suffix` is not an acceptable top-level label, or `nil`.
    private static func suffixProblem(_ suffix: String) -> String? {
        suffix.utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) } ? nil : "must be ASCII letters only, without a dot"
    }
}

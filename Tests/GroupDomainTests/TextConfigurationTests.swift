import Foundation
import GroupDomain
import LedgerCore
import Testing

/// The configuration file: the bundled default, loading a province's copy, and rejecting broken files.
@Suite struct TextConfigurationTests {
    /// `Fixtures/config/rules.json` of this package.
    static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/config/rules.json")

    @Test func theBundledDefaultIsTheFixtureFile() throws {
        let data = try Data(contentsOf: Self.fixtureURL)
        let expected = Array((MatchConfiguration.defaultJSON + "\n").utf8)
        #expect(
            Array(data) == expected,
            "Fixtures/config/rules.json and MatchConfiguration.defaultJSON differ: paste the file into the source"
        )
        #expect(try MatchConfiguration(json: Array(data)) == MatchConfiguration.default)
    }

    static let groups = [
        "trade", "shipping", "offer", "price", "priceWord", "delivery", "contact", "promotion", "recruit", "self",
        "news",
        "official", "legal",
    ]

    @Test func theDefaultHasTheDocumentedLists() {
        let configuration = MatchConfiguration.default
        #expect(configuration.stamps.levels == ["TUYỆT MẬT", "TỐI MẬT", "MẬT"])
        #expect(configuration.stamps.falseFriends.contains("giải mật"))
        #expect(configuration.links.officialDomains.contains("gov.vn"))
        #expect(configuration.emoticons.contains("/-strong"))
        #expect(configuration.emoji.countBareDigitsAndSigns == false)
        #expect(configuration.emoji.countTextStyleSymbols == false)
        #expect(configuration.adverts.minimumGroups == 1)
        #expect(configuration.adverts.threshold == 4)
        #expect(configuration.adverts.groups.map(\.name) == Self.groups)
        #expect(configuration.adverts.weight(of: "news") < 0 && configuration.adverts.weight(of: "offer") > 0)
        #expect(configuration.adverts.amountGroup == "price")
        #expect(configuration.adverts.phoneGroup == "contact")
    }

    @Test func aCustomWordListFromJSONChangesResults() throws {
        let text = "Hôm nay lại họp muộn"
        #expect(TextTest.both(text) == [])
        let configuration = try TextTest.configuration(
            replacing: "\"words\": [],",
            with: "\"words\": [\"họp muộn\"],"
        )
        let matcher = TextMatcher(configuration: configuration)
        #expect(TextTest.both(text, matcher) == [TextTest.sig(.r7c, .unlawfulContent, "họp muộn")])
    }

    @Test func aCustomOfficialDomainFromJSONChangesResults() throws {
        let text = "Theo https://vnexpress.net/tin-1.html"
        #expect(TextTest.both(text).map(\.rule) == [.r7b])
        let configuration = try TextTest.configuration(
            replacing: "\"vnanet.vn\"",
            with: "\"vnanet.vn\", \"VNEXPRESS.NET\""
        )
        #expect(configuration.links.officialDomains.last == "vnexpress.net", "domains are lowercased")
        #expect(TextTest.both(text, TextMatcher(configuration: configuration)) == [])
    }

    @Test func aCustomStampListFromJSONChangesResults() throws {
        let configuration = try TextTest.configuration(
            replacing: "\"levels\": [\"TUYỆT MẬT\", \"TỐI MẬT\", \"MẬT\"]",
            with: "\"levels\": [\"TUYỆT MẬT\", \"TỐI MẬT\", \"MẬT\", \"TOI MAT\"]"
        )
        #expect(
            TextTest.both(.r7a, "FILE_TOI_MAT.pdf")
                == [TextTest.sig(.r7a, .classifiedStamp, "TOI_MAT", term: "TỐI MẬT")],
            "found by recall, reported as the accented level"
        )
        #expect(
            TextTest.both(.r7a, "FILE_TOI_MAT.pdf", TextMatcher(configuration: configuration))
                == [TextTest.sig(.r7a, .classifiedStamp, "TOI_MAT", term: "TOI MAT")],
            "a province may list an unaccented form explicitly"
        )
    }

    @Test func theRecallMembersAreOptionalAndOffWhenAbsent() throws {
        let configuration = try TextTest.configuration(replacing: "\"recall\": true,", with: "")
        #expect(!configuration.stamps.recall)
        #expect(MatchConfiguration.default.stamps.recall)
        #expect(MatchConfiguration.default.stamps.needContext == ["tối mật"])
        #expect(TextTest.both(.r7a, "FILE_TOI_MAT.pdf", TextMatcher(configuration: configuration)) == [])
        let wrong = MatchConfiguration.defaultJSON.replacingOccurrences(of: "\"recall\": true", with: "\"recall\": 1")
        #expect(throws: (any Error).self) { try MatchConfiguration(json: Array(wrong.utf8)) }
    }

    @Test func notesMayBeStringsOrListsOfStrings() throws {
        let configuration = try TextTest.configuration(
            replacing: "\"groups\": {",
            with: "\"groups\": { \"note\": \"một ghi chú, không phải một nhóm\","
        )
        #expect(configuration.adverts.groups.map(\.name) == Self.groups)
    }

    /// R7e's `minimumGroups` and `threshold` members, told apart from R7c's by the `weights` that follow them.
    static func advert(minimumGroups: Int = 1, threshold: Int = 4) -> String {
        "\"minimumGroups\": \(minimumGroups),\n        \"threshold\": \(threshold),\n        \"weights\""
    }

    static let brokenFiles: [(old: String, new: String, path: String)] = [
        ("\"version\": 1", "\"version\": 2", "$.version"),
        ("\"format\": \"groupledger-text-rules\"", "\"format\": \"other\"", "$.format"),
        ("\"labels\": [\"Độ mật\"],", "", "$.R7a.labels"),
        ("\"labels\"", "\"lables\"", "$.R7a"),
        ("\"đánh bạc online\"", "\"đ/c\"", "$.R7c.groups.gambling[4]"),
        ("\"đánh bạc online\"", "\"\"", "$.R7c.groups.gambling[4]"),
        ("\"đánh bạc online\"", "42", "$.R7c.groups.gambling[4]"),
        ("\"gov.vn\", \"daklak", "\"*.gov.vn\", \"daklak", "$.R7b.officialDomains[0]"),
        ("\"gov.vn\", \"daklak", "\"chínhphủ.vn\", \"daklak", "$.R7b.officialDomains[0]"),
        ("\"bareDomainSuffixes\": [", "\"bareDomainSuffixes\": [\".vn\", ", "$.R7b.bareDomainSuffixes[0]"),
        ("\"alwaysCount\": [\"☺\"", "\"alwaysCount\": [\"☺☺\"", "$.R7d.emoji.alwaysCount[0]"),
        ("\"countTextStyleSymbols\": false", "\"countTextStyleSymbols\": \"no\"", "$.R7d.emoji.countTextStyleSymbols"),
        ("\"/-heart\"", "\"/- heart\"", "$.R7d.emoticons[0]"),
        (advert(), advert(minimumGroups: 0), "$.R7e.minimumGroups"),
        (advert(), advert(minimumGroups: 99), "$.R7e.minimumGroups"),
        (advert(), advert(threshold: 0), "$.R7e.threshold"),
        ("\"threshold\": 4,\n        \"needs\"", "\"threshold\": 0,\n        \"needs\"", "$.R7c.threshold"),
        ("\"threshold\": 4,\n        \"needs\"", "\"needs\"", "$.R7c.threshold"),
        ("\"trade\": 4,", "\"trade\": \"4\",", "$.R7e.weights.trade"),
        ("\"trade\": 4,", "\"trade\": 4, \"nosuch\": 1,", "$.R7e.weights"),
        ("\"recall\": true", "\"recall\": \"yes\"", "$.R7a.recall"),
        ("\"group\": \"price\"", "\"group\": \"prices\"", "$.R7e.amounts.group"),
        ("\"group\": \"contact\"", "\"group\": 1", "$.R7e.phoneNumbers.group"),
        ("\"Word lists and settings of the text matcher", "5, \"", "$.note"),
    ]

    @Test(arguments: brokenFiles)
    func brokenFilesAreRejectedNamingThePath(_ broken: (old: String, new: String, path: String)) {
        let json = MatchConfiguration.defaultJSON
        #expect(json.contains(broken.old))
        let bytes = Array(json.replacingOccurrences(of: broken.old, with: broken.new).utf8)
        let error = #expect(throws: LedgerError.self) { try MatchConfiguration(json: bytes) }
        #expect(error?.code == .badInput)
        #expect(error?.message.contains(broken.path + " ") == true, "\(error?.message ?? "")")
    }

    @Test func invalidJSONIsRejected() {
        for text in ["", "{", "[]", "{\"format\": \"groupledger-text-rules\", \"format\": 1}", "\u{FEFF}{}"] {
            let error = #expect(throws: LedgerError.self) { try MatchConfiguration(json: Array(text.utf8)) }
            #expect(error?.code == .badInput)
        }
    }

    @Test func nullTurnsAmountAndPhoneDetectionOff() throws {
        var json = MatchConfiguration.defaultJSON
        let amounts = try #require(json.range(of: "\"amounts\": {"))
        let end = try #require(json.range(of: "\"phoneNumbers\""))
        json.replaceSubrange(amounts.lowerBound..<end.lowerBound, with: "\"amounts\": null, ")
        let phones = try #require(json.range(of: "\"phoneNumbers\": {"))
        let close = try #require(json.range(of: "}", range: phones.upperBound..<json.endIndex))
        json.replaceSubrange(phones.lowerBound..<close.upperBound, with: "\"phoneNumbers\": null")
        let configuration = try MatchConfiguration(json: Array(json.utf8))
        #expect(configuration.adverts.amountGroup == nil && configuration.adverts.amountUnits.isEmpty)
        #expect(configuration.adverts.phoneGroup == nil)
        let matcher = TextMatcher(configuration: configuration)
        #expect(TextTest.both(.r7e, "Bán áo 50.000đ, gọi 0905123456", matcher) == [])
        #expect(TextTest.both(.r7e, "Bán áo 50.000đ, gọi 0905123456").count == 1)
    }
}

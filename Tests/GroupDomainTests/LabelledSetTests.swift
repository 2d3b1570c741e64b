import Foundation
import GroupDomain
import LedgerCore
import Testing

/// Scores the text matcher on the labelled set `Fixtures/labelled/posts.jsonl` (written by hand, by kind; see
/// `Fixtures/labelled/make-set.py` and `docs/RULES.md`): precision and recall of R7a, R7c, R7d and R7e, each text as
/// written (NFC) and in NFD, over the whole set and over its held-out part. Prints the table; fails when a figure of
/// the whole set falls below its floor.
///
/// The floors sit well below the measured figures (`docs/RULES.md` has them): they catch a regression, they are
/// not a target to tune the lists against.
@Suite struct LabelledSetTests {
    struct Case {
        let id: Int
        let kind: String
        let labels: Set<String>
        let text: String
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/labelled/posts.jsonl")
        let bytes = Array((try? Data(contentsOf: url)) ?? Data())
        var cases: [Case] = []
        for line in bytes.split(separator: 0x0A) {
            guard let object = try? JSONParser().parse(Array(line)).objectValue,
                let id = object["id"]?.numberValue?.int64Value, let kind = object["kind"]?.stringValue,
                let text = object["text"]?.stringValue, let labels = object["labels"]?.arrayValue
            else { continue }
            cases.append(
                Case(id: Int(id), kind: kind, labels: Set(labels.compactMap(\.stringValue)), text: text)
            )
        }
        return cases
    }()

    /// Counts for one rule.
    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var misses: [Int] = []
        var falseAlarms: [Int] = []

        var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        /// Counts one prediction for `item`.
        mutating func add(_ item: Case, labelled: Bool, _ predicted: Bool) {
            switch (labelled, predicted) {
            case (true, true): truePositives += 1
            case (false, true):
                falsePositives += 1
                falseAlarms.append(item.id)
            case (true, false):
                falseNegatives += 1
                misses.append(item.id)
            case (false, false): break
            }
        }
    }

    /// The floors: (precision, recall).
    static let floors: [String: (precision: Double, recall: Double)] = [
        "R7a": (0.90, 0.90),
        "R7c": (0.85, 0.85),
        "R7d": (0.85, 0.85),
        "R7e": (0.80, 0.80),
    ]

    @Test func precisionAndRecallStayAboveTheirFloors() {
        #expect(Self.cases.count >= 140, "the labelled set is read")
        let matcher = TextMatcher()
        var scores: [String: Score] = [:]
        var heldOut: [String: Score] = [:]
        for item in Self.cases {
            for text in [TextTest.nfc(item.text), TextTest.nfd(item.text)] {
                let found = Set(matcher.matches(in: text).map(\.rule.rawValue))
                for rule in Self.floors.keys {
                    scores[rule, default: Score()].add(item, labelled: item.labels.contains(rule), found.contains(rule))
                    if item.kind.hasPrefix("held-out") {
                        heldOut[rule, default: Score()].add(
                            item,
                            labelled: item.labels.contains(rule),
                            found.contains(rule)
                        )
                    }
                }
            }
        }
        var table =
            "labelled set: \(Self.cases.count) posts, each in NFC and NFD\nrule  part      precision  recall  F1\n"
        for rule in Self.floors.keys.sorted() {
            for (part, score) in [
                ("all     ", scores[rule, default: Score()]), ("held-out", heldOut[rule, default: Score()]),
            ] {
                table += "\(rule)   \(part)  \(Self.format(score.precision))       \(Self.format(score.recall))    "
                table += "\(Self.format(score.f1))"
                if !score.misses.isEmpty { table += "  missed \(Set(score.misses).sorted())" }
                if !score.falseAlarms.isEmpty { table += "  false alarms \(Set(score.falseAlarms).sorted())" }
                table += "\n"
            }
        }
        print(table, terminator: "")
        for (rule, floor) in Self.floors {
            let score = scores[rule, default: Score()]
            #expect(score.precision >= floor.precision, "\(rule) precision \(score.precision) < \(floor.precision)")
            #expect(score.recall >= floor.recall, "\(rule) recall \(score.recall) < \(floor.recall)")
        }
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

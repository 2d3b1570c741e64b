import Foundation
import LedgerCore
import Testing

/// D4: a withholding leaves a trace in every report and says who ordered it; its reason cannot forge lines.
@Suite struct WithheldCLITests {
    /// A reason with a newline could forge a line of `show`'s output: refused (64), nothing destroyed.
    @Test func withholdRefusesAReasonThatForgesLines() throws {
        let scratch = Scratch("d4-reason")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        for reason in ["pdp-erasure\n  content   withheld by record 9: court-order", "a\u{2029}b", "R7a\u{202E}"] {
            let result = try CLI.run(["withhold", "--ledger", ledger, "--seq", "1", "--reason", reason])
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--reason"), "\(result.stderr)")
        }
        let shown = try CLI.run(["show", "--ledger", ledger, "1"])
        #expect(shown.stdout.contains("Báo cáo tiến độ"), "the content was destroyed")
    }

    /// `show` says who ordered a withholding and when, and never prints a stored reason raw.
    @Test func showSaysWhoWithheldAndNeutralisesTheReason() throws {
        let scratch = Scratch("d4-show")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let withheld = try CLI.run([
            "withhold", "--ledger", ledger, "--seq", "1", "--reason", "pdp\u{200B}-erasure", "--actor", "chanh-vp",
        ])
        #expect(withheld.status == 0, "\(withheld.stderr)")
        let shown = try CLI.run(["show", "--ledger", ledger, "1"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("ordered by chanh-vp at "), "\(shown.stdout)")
        #expect(shown.stdout.contains("pdp⟦U+200B⟧-erasure"), "\(shown.stdout)")
        #expect(!shown.stdout.unicodeScalars.contains("\u{200B}"))
        let json = try JSONParser().parse(Array(try CLI.run(["show", "--ledger", ledger, "1", "--json"]).stdoutData))
        #expect(json["withheld"]?["ordered_by"] == "chanh-vp")
        #expect(json["withheld"]?["withheld_at"]?.stringValue != nil)
    }

    /// Withholding a post leaves a trace in both CSV tables, naming who ordered it.
    @Test func bothCSVTablesListAWithheldPost() throws {
        let scratch = Scratch("d4-csv")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let withheld = try CLI.run([
            "withhold", "--ledger", ledger, "--seq", "2", "--reason", "pdp-erasure", "--actor", "chanh-vp",
        ])
        #expect(withheld.status == 0, "\(withheld.stderr)")
        for table in ["findings", "directives"] {
            let csv = try CLI.run(["audit", "--ledger", ledger, "--format", "csv", "--table", table, "--lang", "en"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let rows = String(decoding: csv.stdoutData.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(rows[0].hasSuffix(",withheld_by,withheld_at"))
            #expect(
                rows.contains { $0.hasPrefix("withheld:post:2,") && $0.contains(",chanh-vp,") },
                "\(table): \(rows)"
            )
        }
        let text = try CLI.run(["audit", "--ledger", ledger, "--lang", "en"])
        #expect(text.stdout.contains("ordered by chanh-vp at "), "\(text.stdout)")
    }
}

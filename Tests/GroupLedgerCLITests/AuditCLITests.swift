import Foundation
import LedgerCore
import Testing

/// `groupledger audit` end to end on the demo province.
@Suite struct AuditCLITests {
    @Test func jsonNamesRuleGroupAndSeqAndIsDeterministic() throws {
        let scratch = Scratch("audit-json")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--lang", "en"]).stdoutData
                == result.stdoutData
        )
        let report = try JSONParser().parse(Array(result.stdoutData.dropLast()))
        let findings = try #require(report["findings"]?.arrayValue)
        for finding in findings {
            #expect(
                finding["rule"]?.stringValue != nil && finding["group"] != nil && finding["seq"]?.numberValue != nil
            )
        }
        let rules = Set(findings.compactMap { $0["rule"]?.stringValue })
        #expect(rules.isSuperset(of: ["R1", "R3", "R4", "R5", "R7a", "R9"]))
        #expect(findings.contains { $0["rule"] == "R9" && $0["capture_gaps"] != nil })
        #expect(findings.contains { $0["rule"] == "R7a" && $0["review"]?["verdict"] == "confirmed" })
        #expect(findings.contains { $0["check"] == "unreported-switch" && $0["subject"] == "7301000000000001031" })
        #expect(!findings.contains { $0["subject"] == "7301000000000001020" })
        #expect((report["directives"]?.arrayValue?.count ?? 0) > 12)
        #expect((report["candidates"]?.arrayValue ?? []).contains { $0["opener"] == "yêu cầu" })
    }

    @Test func csvHasABomCRLFAndAHeader() throws {
        let scratch = Scratch("audit-csv")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "csv", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = Array(result.stdoutData)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id,rule,check,severity,group,group_name,seq,seqs,"))
        #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let vi = try CLI.run(["audit", "--ledger", ledger, "--format", "csv"])
        let viText = String(decoding: vi.stdoutData.dropFirst(3), as: UTF8.self)
        #expect(viText.hasPrefix("mã,quy tắc,kiểm tra,mức độ,nhóm,tên nhóm,bản ghi,"), "Vietnamese headers under vi")
        #expect(viText.contains("đang mở") && !viText.contains(",open,"))
        #expect(viText.contains("Không") || viText.contains("không"))
        let directives = try CLI.run([
            "audit", "--ledger", ledger, "--format", "csv", "--table", "directives", "--lang", "en",
        ])
        #expect(String(decoding: directives.stdoutData.dropFirst(3), as: UTF8.self).hasPrefix("directive,group,"))
        let output = scratch.path + "/findings.csv"
        let written = try CLI.run(["audit", "--ledger", ledger, "--format", "csv", "--output", output])
        #expect(written.stdout.contains("findings to") && !written.stdout.contains("directive rows"))
    }

    @Test func htmlIsOneSelfContainedFile() throws {
        let scratch = Scratch("audit-html")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let output = scratch.path + "/report.html"
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "html", "--lang", "en", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(output))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        for external in ["<script", "<link", "src=", "href=", "url("] { #expect(!html.contains(external)) }
        #expect(html.contains("Summary by rule") && html.contains("Summary by group"))
        #expect(html.contains("<mark><bdi>TỐI MẬT</bdi></mark>"))
    }

    /// A withheld post cannot be matched; the report says so, and a post withheld as classified is an R7a finding.
    @Test func withheldPostsAreListedNotSkipped() throws {
        let scratch = Scratch("audit-withheld")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let seq = try Province.seq(ofId: "zca:g-7301128844556677002:6001000000000099001")
        let withheld = try CLI.run(["withhold", "--ledger", ledger, "--seq", "\(seq)", "--reason", "R7a-classified"])
        #expect(withheld.status == 0, "\(withheld.stderr)")
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "json"])
        let report = try JSONParser().parse(Array(result.stdoutData.dropLast()))
        let posts = try #require(report["withheld_posts"]?.arrayValue)
        #expect(posts.count == 1)
        #expect(posts.first?["seq"] == .number(JSONNumber(seq)))
        #expect(posts.first?["reason"] == "R7a-classified")
        #expect(report["findings"]?.arrayValue?.contains { $0["id"] == .string("R7a:post:\(seq)") } == true)
        let state = try CLI.run(["state", "--ledger", ledger, "--json"])
        #expect(state.stdout.contains(#""withheld":{"\#(seq)":{"reason":"R7a-classified""#))

        // The withholding is written today; the audit still judges at the last group event (November) ...
        let before = try CLI.run(["audit", "--ledger", ledger, "--format", "json"])
        let beforeReport = try JSONParser().parse(Array(before.stdoutData.dropLast()))
        #expect(beforeReport["evaluated_at"]?.stringValue?.hasPrefix("2026-11") == true)
        // ... and judged at a time before the withholding, the post is still withheld as classified.
        let earlier = try CLI.run([
            "audit", "--ledger", ledger, "--format", "json", "--to", "2026-11-30T00:00:00+07:00",
        ])
        let earlierReport = try JSONParser().parse(Array(earlier.stdoutData.dropLast()))
        #expect(earlierReport["withheld_posts"]?.arrayValue?.first?["reason"] == "R7a-classified")
        #expect(earlierReport["findings"]?.arrayValue?.contains { $0["id"] == .string("R7a:post:\(seq)") } == true)
    }

    @Test func configurationIsAFileOverTheDefaults() throws {
        let scratch = Scratch("audit-config")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let printed = try CLI.run(["audit", "--print-config"])
        #expect(printed.status == 0)
        #expect((try? JSONParser().parse(Array(printed.stdoutData))) != nil)
        let quiet = scratch.write("quiet.json", Array(#"{"R4":{"flag_unbound_accounts":false}}"#.utf8))
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--config", quiet])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("unbound-account"))
        let textRules = Province.events.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/rules.json").path
        let withTextRules = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--text-rules", textRules])
        #expect(
            withTextRules.stdoutData == (try CLI.run(["audit", "--ledger", ledger, "--format", "json"])).stdoutData
        )
        let typo = scratch.write("typo.json", Array(#"{"R4":{"flag_unbound":false}}"#.utf8))
        let refused = try CLI.run(["audit", "--ledger", ledger, "--config", typo])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("typo.json") && refused.stderr.contains("R4.flag_unbound"))
    }

    @Test func aWindowAndAGroupNarrowTheReport() throws {
        let scratch = Scratch("audit-window")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let group = "g-7301128844556677002"
        let result = try CLI.run([
            "audit", "--ledger", ledger, "--format", "json", "--group", group, "--from", "2026-11-15T00:00:00+07:00",
            "--to", "2026-11-20T00:00:00+07:00",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser().parse(Array(result.stdoutData.dropLast()))
        #expect(report["evaluated_at"] == "2026-11-19T17:00:00.000Z")
        let findings = try #require(report["findings"]?.arrayValue)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["group"] == .string(group) })
    }

    /// An R7c finding carries the spans of the signals that decided it, in JSON, text and HTML.
    @Test func anR7cFindingListsTheSpansThatDecidedIt() throws {
        let scratch = Scratch("audit-r7c")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let text = "Mày ngu thế, làm lại đi"
        let line =
            #"{"id":"p-1","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","#
            + #""group":"g-1","data":{"kind":"text","message":"m-1"},"content":{"text":"\#(text)"}}"#
        #expect(
            try CLI.run(["append", "--ledger", ledger, scratch.write("in.jsonl", Array((line + "\n").utf8))]).status
                == 0
        )
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--lang", "en"])
        let report = try JSONParser().parse(Array(result.stdoutData.dropLast()))
        let finding = try #require(report["findings"]?.arrayValue?.first { $0["rule"] == "R7c" })
        let signals = try #require(finding["span"]?["signals"]?.arrayValue)
        #expect(signals.map { $0["group"]?.stringValue ?? "" } == ["target", "abuse"])
        #expect(signals.map { $0["weight"]?.numberValue?.int64Value ?? 0 } == [2, 2])
        let utf8 = Array(text.utf8)
        for signal in signals {
            let range = try #require(signal["utf8"]?.arrayValue?.compactMap { $0.numberValue?.int64Value })
            #expect(range.count == 2)
            let slice = String(decoding: utf8[Int(range[0])..<Int(range[1])], as: UTF8.self)
            #expect(.string(slice) == signal["text"], "the span slices the stored text")
        }
        let vi = try CLI.run(["audit", "--ledger", ledger])
        #expect(vi.stdout.contains("[căn cứ: target +2 “Mày” 0..<4, abuse +2 “ngu” 5..<8]"), "\(vi.stdout)")
    }
}

import Foundation
import LedgerCore
import Testing

/// `--lang vi|en` on the commands that print text for people (`audit`, `state`, `verify`, `log`): English stays the
/// default where it was, the JSON is the same in both, and the Vietnamese text carries no English label.
@Suite struct LanguageCLITests {
    @Test func verifySpeaksVietnameseUnderVi() throws {
        let scratch = Scratch("lang-verify")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let english = try CLI.run(["verify", "--ledger", ledger])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.hasPrefix("INTACT: "), "English stays the default")
        let vietnamese = try CLI.run(["verify", "--ledger", ledger, "--lang", "vi"])
        #expect(vietnamese.status == 0, "\(vietnamese.stderr)")
        #expect(vietnamese.stdout.hasPrefix("NGUYÊN VẸN: "))
        #expect(vietnamese.stdout.contains("CHƯA NEO"))
        for word in ["INTACT", "records in", "UNANCHORED", "content commitments"] {
            #expect(!vietnamese.stdout.contains(word), "\(word)")
        }
        let json = try CLI.run(["verify", "--ledger", ledger, "--json", "--lang", "vi"])
        #expect(json.stdoutData == (try CLI.run(["verify", "--ledger", ledger, "--json"])).stdoutData)
    }

    @Test func logNamesEachTypeInVietnameseUnderVi() throws {
        let scratch = Scratch("lang-log")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let english = try CLI.run(["log", "--ledger", ledger, "--to", "3"])
        #expect(english.status == 0, "\(english.stderr)")
        let vietnamese = try CLI.run(["log", "--ledger", ledger, "--to", "3", "--lang", "vi"])
        #expect(vietnamese.status == 0, "\(vietnamese.stderr)")
        let englishLines = english.stdout.split(separator: "\n")
        let vietnameseLines = vietnamese.stdout.split(separator: "\n")
        #expect(englishLines.count == 4 && vietnameseLines.count == 4)
        for (plain, named) in zip(englishLines, vietnameseLines) {
            let plainColumns = plain.split(separator: "\t", omittingEmptySubsequences: false)
            let namedColumns = named.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(plainColumns.count == 6 && namedColumns.count == 6, "the same six columns")
            #expect(namedColumns[2].hasPrefix(plainColumns[2] + " ("), "\(namedColumns[2])")
            #expect(Array(plainColumns[3...]) == Array(namedColumns[3...]))
        }
        #expect(vietnamese.stdout.contains("ledger.initialized (khởi tạo sổ cái)"))
        let json = try CLI.run(["log", "--ledger", ledger, "--to", "3", "--json", "--lang", "vi"])
        #expect(json.stdoutData == (try CLI.run(["log", "--ledger", ledger, "--to", "3", "--json"])).stdoutData)
    }

    @Test func vietnameseAuditReportsLeakNoEnglishLabels() throws {
        let scratch = Scratch("lang-audit")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        for format in ["text", "csv", "html"] {
            let result = try CLI.run(["audit", "--ledger", ledger, "--format", format, "--lang", "vi"])
            #expect(result.status == 0, "\(result.stderr)")
            // Finding ids (R3:not-by-head:142:p-012) are identifiers and stay as they are; labels are Vietnamese.
            var text = result.stdout
            while let id = text.range(
                of: #"R[0-9][a-e]?:[a-z-]+:[0-9][0-9-]*(:[A-Za-z0-9-]+)?"#,
                options: .regularExpression
            ) {
                text.removeSubrange(id)
            }
            for word in [
                "confirmed", "dismissed", "escalated", "not-by-head", "unreported-switch", "no-acknowledgement",
                "head-not", "open", "resolved", "reviewed", "issued", "acknowledged",
            ] {
                #expect(
                    !text.contains(",\(word),") && !text.contains(">\(word)<") && !text.contains("(\(word))"),
                    "\(format): \(word)"
                )
            }
        }
    }

    @Test func stateNamesPeopleAndSpeaksVietnameseUnderVi() throws {
        let scratch = Scratch("lang-state")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let vietnamese = try CLI.run(["state", "--ledger", ledger, "--lang", "vi"])
        #expect(vietnamese.status == 0, "\(vietnamese.stderr)")
        let heads = vietnamese.stdout.split(separator: "\n").filter { $0.hasPrefix("  Trưởng Nhóm p-") }
        #expect(!heads.isEmpty)
        #expect(heads.allSatisfy { $0.contains(" (Phó Chủ tịch") || $0.contains(" (Chủ tịch") }, "named with position")
        let directives = vietnamese.stdout.components(separatedBy: "\nchỉ đạo\n").last ?? ""
        #expect(directives.contains("đã giao") || directives.contains("đã xác nhận"))
        for status in [" issued", " acknowledged", " completed", " cancelled"] {
            #expect(!directives.contains(status + ",") && !directives.contains(status + "\n"), "\(status)")
        }
    }
}

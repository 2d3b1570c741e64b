import ArgumentParser
import Foundation
import GroupDomain
import LedgerCore
import LedgerIngest
import LedgerReplay
import LedgerStorage

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Build a ledger from the bundled fixtures, verify it, then damage a copy and show the verifier find it."
    )

    @Option(help: "The fixtures directory (default: Fixtures/ of this package).")
    var fixtures: String?

    @Flag(help: "Keep the demo ledgers instead of deleting them.")
    var keep = false

    func run() throws {
        try Failure.reporting {
            let fixturesDirectory = fixtures ?? DemoCommand.bundledFixtures()
            let events = BatchIngest.Settings(inputs: [fixturesDirectory + "/demo/events.jsonl"], format: .envelopes)
            let work = FileManager.default.temporaryDirectory
                .appendingPathComponent("groupledger-demo-\(ProcessInfo.processInfo.processIdentifier)").path
            let root = work + "/ledger"
            try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }

            section("1. A new ledger for daklak.gov.vn/ubnd/zalo-groups")
            let writer = try Ledger.create(at: root, origin: "daklak.gov.vn/ubnd/zalo-groups")
            let first = try BatchIngest(events).run(into: writer).appended
            print("appended \(first.appended) events from \(fixturesDirectory)/demo/events.jsonl in one durable batch")
            let again = try BatchIngest(events).run(into: writer).appended
            print("appending the same file again: \(again.appended) appended, \(again.duplicates) duplicates skipped")

            section("2. A member posted a TỐI MẬT document; its text is withheld")
            let reader = try LedgerReader(root: root)
            guard let secretSeq = try findRecord(reader, containing: "TỐI MẬT") else {
                throw LedgerError(.badInput, "the demo fixture has no TỐI MẬT post")
            }
            let withheldBy = try writer.withhold(seq: secretSeq, reason: "R7a-classified", actor: "vp-ubnd")
            writer.close()
            print("record \(secretSeq): content destroyed; the withholding is record \(withheldBy)")
            let shown = try reader.entry(secretSeq)
            print(RecordPresentation.text(shown, content: try RecordPresentation.content(shown, reader: reader)))

            section("3. Verify")
            let report = try Verifier(root: root).run()
            print(
                report.isIntact
                    ? "INTACT: \(report.records) records, root \(report.root?.hexPrefix(16) ?? "-"), "
                        + "\(report.contentChecked) commitments checked, \(report.withheld) withheld"
                    : "unexpected: \(report.problem?.message ?? "")"
            )

            section("4. Someone edits record 16 of a copy (one bit) and the verifier pinpoints it")
            let copy = work + "/tampered"
            try FileManager.default.copyItem(atPath: root, toPath: copy)
            let target = try reader.entry(16)
            let path = copy + "/" + target.file
            var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let flipped = target.frameOffset + 4 + Record.headerSize + 20
            bytes[flipped] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            print("flipped one bit at byte \(flipped) of \(target.file)")
            let damaged = try Verifier(root: copy).run()
            if let problem = damaged.problem {
                print("DAMAGED: \(problem.message)")
                if let expected = problem.expected, let found = problem.found {
                    print("  expected \(expected), found \(found)")
                }
            }
            section("5. A month in a demo province: state and audit")
            let province = work + "/province"
            let provinceWriter = try Ledger.create(at: province, origin: "daklak.gov.vn/ubnd/zalo-groups")
            let added = try BatchIngest(
                BatchIngest.Settings(inputs: [fixturesDirectory + "/province/events.jsonl"], format: .envelopes)
            ).run(into: provinceWriter).appended
            print("appended \(added.appended) events of November 2026 from \(fixturesDirectory)/province/events.jsonl")
            guard let classified = try LedgerReader(root: province).seq(ofId: DemoCommand.classifiedPost) else {
                throw LedgerError(.badInput, "the province fixture has no post \(DemoCommand.classifiedPost)")
            }
            let withholding = try provinceWriter.withhold(seq: classified, reason: "R7a-classified", actor: "vp-ubnd")
            provinceWriter.close()
            print("record \(classified), a TUYỆT MẬT post, withheld by record \(withholding)\n")
            var checker = RuleChecker(configuration: .default)
            try RecordSource.read(province, cutoff: .everything, warn: Console.warn) { checker.apply($0) }
            print(StatePresentation.summary(checker.state) + "\n")
            let audit = AuditReport(result: checker.result(), clock: RuleConfiguration.default.displayTime)
            print(TextReport.summary(audit, .vi), terminator: "")
            let html = FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-demo-audit.html").path
            guard FileManager.default.createFile(atPath: html, contents: Data(HTMLReport.render(audit, .vi).utf8))
            else {
                throw LedgerError(.cannotCreate, "\(html): cannot write the HTML report")
            }
            print("\nHTML report (\(audit.findings.count) findings): \(html)")
            print(keep ? "\nthe demo ledgers are in \(work)" : "\n(rerun with --keep to look at the files)")
        }
    }

    /// The province fixture's TUYỆT MẬT post, which the demo withholds.
    static let classifiedPost = "zca:g-7301128844556677002:6001000000000099001"

    private func section(_ title: String) { print("\n== \(title)") }

    private func findRecord(_ reader: LedgerReader, containing text: String) throws(LedgerError) -> UInt64? {
        let size = try reader.head().size
        for seq in 0..<size {
            if case .present(_, let bytes) = try reader.entry(seq).content,
                String(decoding: bytes, as: UTF8.self).contains(text)
            {
                return seq
            }
        }
        return nil
    }

    /// `Fixtures/` of the package, found from the working directory or from this source file's location.
    static func bundledFixtures() -> String {
        if FileManager.default.fileExists(atPath: "Fixtures/demo/events.jsonl") { return "Fixtures" }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }
}

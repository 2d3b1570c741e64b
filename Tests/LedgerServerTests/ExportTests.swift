import Foundation
import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage
import NIOHTTP1
import TestSupport
import Testing

@testable import LedgerServer

/// The inspection archive (`/export.tar`, `groupledger export`): the ustar format itself, the selection's limits,
/// and a downloaded archive unpacked by the system `tar`, its sums checked by `sha256sum` and every proof by the
/// built `groupledger proof verify`.
@Suite struct ExportTests {
    /// The built `groupledger`, beside the test bundle.
    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("groupledger").path

    @Test func aHeaderHasTheUstarFieldsAndItsChecksum() throws {
        let header = try TarArchive.header("records/12.json", size: 1234, modified: 1_790_000_000)
        #expect(header.count == 512)
        #expect(Array(header[0..<15]) == Array("records/12.json".utf8) && header[15] == 0)
        #expect(String(decoding: header[100..<108], as: UTF8.self) == "0000644\0", "mode")
        #expect(String(decoding: header[108..<124], as: UTF8.self) == "0000000\00000000\0", "owner and group 0")
        #expect(String(decoding: header[124..<136], as: UTF8.self) == "00000002322\0", "1234 in octal")
        #expect(
            String(decoding: header[136..<148], as: UTF8.self) == String(1_790_000_000, radix: 8).leftPad(11) + "\0"
        )
        #expect(header[156] == UInt8(ascii: "0"), "a regular file")
        #expect(String(decoding: header[257..<265], as: UTF8.self) == "ustar\u{0}00")
        var blanked = header
        for index in 148..<156 { blanked[index] = 0x20 }
        let sum = blanked.reduce(0) { $0 + Int($1) }
        #expect(String(decoding: header[148..<154], as: UTF8.self) == String(sum, radix: 8).leftPad(6))
        #expect(header[154] == 0 && header[155] == 0x20)

        let member = try TarArchive.member("a", Array("hello".utf8), modified: 0)
        #expect(member.count == 1024, "the header and one padded block")
        #expect(Array(member[512..<517]) == Array("hello".utf8) && member[517...].allSatisfy { $0 == 0 })
        #expect(try TarArchive.member("empty", [], modified: 0).count == 512)
        #expect(throws: LedgerError.self) {
            try TarArchive.header(String(repeating: "x", count: 101), size: 0, modified: 0)
        }
        #expect(throws: LedgerError.self) { try TarArchive.header("", size: 0, modified: 0) }
        #expect(throws: LedgerError.self) { try TarArchive.header("a b", size: 0, modified: 0) }
        #expect(throws: LedgerError.self) { try TarArchive.header("tệp", size: 0, modified: 0) }
    }

    @Test func selectionsAreParsedAndBounded() throws {
        #expect(try ArchiveSelection.ranges("12, 40-42 7") == [12...12, 40...42, 7...7])
        for bad in ["", "x", "5-2", "1-2-3", "-3", "+4", "0x10"] {
            #expect(throws: LedgerError.self, "\(bad)") { try ArchiveSelection.ranges(bad) }
        }
        let view = Inspection(configuration: .default).view
        let chosen = try ArchiveSelection.records([5...6, 2...2, 6...6]).seqs(view: view, size: 10, limit: 5)
        #expect(chosen == [2, 5, 6], "ascending, each once")
        do {
            _ = try ArchiveSelection.records([0...3]).seqs(view: view, size: 10, limit: 3)
            Issue.record("four records passed a limit of three")
        } catch {
            #expect(error.code == .badInput && error.message.contains("at most 3 records"))
        }
        do {
            _ = try ArchiveSelection.records([0...UInt64.max]).seqs(view: view, size: 10, limit: 3)
            Issue.record("a range without end passed")
        } catch {
            #expect(error.code == .badInput)
        }
        #expect(throws: LedgerError.self) {
            try ArchiveSelection.records([9...10]).seqs(view: view, size: 10, limit: 5)
        }
        #expect(
            try ArchiveSelection.time("2026-11-03", endOfDay: false)
                == Timestamp("2026-11-03T00:00:00+07:00")!.unixMillis
        )
        #expect(
            try ArchiveSelection.time("2026-11-03", endOfDay: true)
                == Timestamp("2026-11-03T23:59:59.999+07:00")!.unixMillis
        )
        #expect(throws: LedgerError.self) { try ArchiveSelection.time("03/11/2026", endOfDay: false) }
    }

    /// A served ledger holding the demo events, one post's content withheld, the model caught up; a logged-in
    /// browser, the withheld record and its text.
    static func demo(_ label: String) async throws -> (Served, WebClient, withheld: UInt64, text: String) {
        let served = try await Served.start(label)
        let events = try Fixtures.bytes("demo/events.jsonl")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: events)
        #expect(posted.status == 200, "\(posted.text)")
        let text = "TỐI MẬT - Phương án phân bổ ngân sách dự phòng"
        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        let secret = try #require(try reader.seq(ofId: "zca:7301128844556677001:6001000000000000103"))
        _ = try served.ledger.withhold(seq: secret, reason: "TỐI MẬT stamp", actor: "vp-ubnd")
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        try await WitnessPushTests.eventually("the model is ready") {
            try await browser.send(.GET, "/export").status == 200
        }
        return (served, browser, secret, text)
    }

    @Test func aDownloadedArchiveUnpacksAndEveryProofVerifies() async throws {
        let (served, browser, secret, text) = try await Self.demo("export-http")
        let answer = try await browser.send(.GET, "/export.tar?seqs=0-3,\(secret)&purpose=Thanh+tra+s%E1%BB%91+7")
        #expect(answer.status == 200, "\(answer.text.prefix(300))")
        #expect(answer.headers["Content-Type"].first == "application/x-tar")
        #expect(answer.headers["Content-Disposition"].first?.hasPrefix("attachment; filename=\"inspection-") == true)
        #expect(!answer.body.isEmpty && answer.body.count % 512 == 0)
        #expect(answer.body.firstRange(of: Array(text.utf8)) == nil, "not a byte of the withheld text")
        #expect(answer.body.firstRange(of: Array("phuong-an-ngan-sach".utf8)) == nil)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(answer.body).write(to: URL(fileURLWithPath: directory + "/archive.tar"))
        let (untar, listing) = try ProcessRun.output("/usr/bin/tar", ["-xvf", "archive.tar"], in: directory)
        #expect(untar == 0, "\(listing)")
        let (sums, checked) = try ProcessRun.output("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], in: directory)
        #expect(sums == 0, "\(checked)")
        let names = try String(contentsOfFile: directory + "/SHA256SUMS", encoding: .utf8).split(separator: "\n")
            .map { String($0.split(separator: " ", maxSplits: 1)[1].dropFirst()) }
        #expect(names.first == "checkpoint" && names.suffix(1) == ["index.html"])

        let (vkeyStatus, vkey) = try ProcessRun.output(Self.binary, ["vkey", "--ledger", served.root], in: directory)
        #expect(vkeyStatus == 0, "\(vkey)")
        for seq in [0, 1, 2, 3, secret] {
            let (status, verdict) = try ProcessRun.output(
                Self.binary,
                [
                    "proof", "verify", "--vkey", vkey.trimmingCharacters(in: .whitespacesAndNewlines),
                    "--record", "records/\(seq).record", "records/\(seq).proof",
                ],
                in: directory
            )
            #expect(status == 0 && verdict.hasPrefix("VALID"), "record \(seq): \(verdict)")
            let json = try JSONParser().parse(
                Array(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/records/\(seq).json")))
            )
            #expect(json["seq"]?.numberValue?.int64Value == Int64(seq))
        }
        let manager = FileManager.default
        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        let registered = try #require(try reader.seq(ofId: "gov:group-registered:nn-ptnt"))
        #expect(registered <= 3)
        let content = try String(contentsOfFile: "\(directory)/records/\(registered).content.txt", encoding: .utf8)
        #expect(content.contains("UBND tỉnh - Nông nghiệp"), "the content as stored: \(content)")
        #expect(!manager.fileExists(atPath: "\(directory)/records/\(secret).content.txt"))
        let notice = try String(contentsOfFile: "\(directory)/records/\(secret).withheld.txt", encoding: .utf8)
        #expect(notice.contains("TỐI MẬT stamp") && notice.contains("vp-ubnd"), "\(notice)")
        let cover = try String(contentsOfFile: directory + "/index.html", encoding: .utf8)
        #expect(cover.contains("example.org/serve-test") && cover.contains("Thanh tra số 7"))
        #expect(cover.contains("auditor-1"), "who exported")
        #expect(cover.contains("Nguyễn Văn An") || cover.contains("vp-ubnd"), "actors named")
        #expect(cover.contains("groupledger proof verify") && !cover.contains("<script"))
        let log = try String(contentsOfFile: served.root + "/access.jsonl", encoding: .utf8)
        #expect(
            log.contains(#""path":"/export.tar"#) && log.contains(#""token":"auditor-1""#),
            "the access log names it"
        )

        if HeadlessChromium.missing(for: "ExportTests") == nil {
            let run = try await HeadlessChromium.dumpDOM("file://" + directory + "/index.html")
            #expect(run.console.isEmpty, "\(run.console)")
            #expect(run.output.contains("Hồ sơ trích xuất sổ cái"))
        } else {
            print(HeadlessChromium.missing(for: "ExportTests")!)
        }
        try await served.stop()
    }

    @Test func aBadOrTooLargeSelectionIsRefusedAndAFindingsEvidenceIsOffered() async throws {
        let (served, browser, _, _) = try await Self.demo("export-refused")
        for query in [
            "seqs=0-10000", "seqs=abc", "seqs=5-2", "seqs=9999", "seqs=1&finding=x", "", "group=g-1&from=tomorrow",
        ] {
            let answer = try await browser.send(.GET, "/export.tar?" + query)
            #expect(answer.status == 400, "\(query): \(answer.status)")
            #expect(answer.headers["Content-Type"].first == "text/html; charset=utf-8")
        }
        let tooMany = try await browser.send(.GET, "/export.tar?seqs=0-10000&lang=en")
        #expect(tooMany.text.contains("at most 10000 records"), "\(tooMany.text)")
        #expect(try await browser.send(.GET, "/export.tar?group=g-none").status == 404)
        #expect(try await browser.send(.GET, "/export.tar?finding=none").status == 404)
        #expect(try await browser.send(.GET, "/export?finding=none").status == 404)

        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        let inspection = Inspection(configuration: .default)
        try inspection.catchUp(reader: reader, size: try reader.head().size)
        let finding = try #require(inspection.view.findings().items.first?.finding)
        let page = try await browser.send(.GET, "/export?finding=" + WebClient.encode(finding.id))
        #expect(page.status == 200)
        #expect(page.text.contains(#"<a href="/records/\#(finding.seqs[0])">"#))
        let archive = try await browser.send(.GET, "/export.tar?finding=" + WebClient.encode(finding.id))
        #expect(archive.status == 200)
        #expect(archive.body.firstRange(of: Array("records/\(finding.seqs[0]).proof".utf8)) != nil)
        let group = try await browser.send(
            .GET,
            "/export.tar?group=g-7301128844556677001&from=2026-11-03&to=2026-11-03"
        )
        #expect(group.status == 200)

        let anonymous = WebClient(served)
        let refused = try await anonymous.send(.GET, "/export.tar?seqs=0")
        #expect(refused.status == 303, "a session is needed")
        try await served.stop()
    }
}

extension String {
    /// Zero-padded on the left to `width`.
    fileprivate func leftPad(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

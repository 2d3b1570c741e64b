import Foundation
import TestSupport
import Testing

/// `groupledger export`: the inspection archive from a ledger on this machine, and its exit codes.
@Suite struct ExportCLITests {
    /// Runs `/usr/bin/tar arguments…` in `directory`; its status and output.
    static func tar(_ arguments: [String], in directory: String) throws -> (Int32, String) {
        try ProcessRun.output("/usr/bin/tar", arguments, in: directory)
    }

    @Test func exportWritesAnArchiveOfTheChosenRecordsWithoutWithheldText() throws {
        let scratch = Scratch("export")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        #expect(try CLI.run(["withhold", "--ledger", ledger, "--seq", "2", "--reason", "court-order"]).status == 0)
        let archive = scratch.path + "/out.tar"
        let result = try CLI.run([
            "export", "--ledger", ledger, "--seq", "1", "--seq", "2-3", "--purpose", "case 7", "--exporter", "tt-1",
            "-o", archive,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 3 records"))
        let mode = try FileManager.default.attributesOfItem(atPath: archive)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the archive holds content: its owner only")
        let (status, listing) = try Self.tar(["-tf", archive], in: scratch.path)
        #expect(status == 0, "\(listing)")
        let names = listing.split(separator: "\n").map(String.init)
        #expect(names.first == "checkpoint" && names.last == "SHA256SUMS")
        for name in ["records/1.content.txt", "records/2.withheld.txt", "records/3.proof", "index.html"] {
            #expect(names.contains(name), "\(name) in \(names)")
        }
        #expect(!names.contains("records/2.content.txt"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        #expect(bytes.count % 512 == 0)
        #expect(bytes.range(of: Data("court-order".utf8)) != nil, "the notice")
        #expect(bytes.range(of: Data("m-p2".utf8)) != nil, "the event's fields stay (they are not content)")
        #expect(!FileManager.default.fileExists(atPath: archive + ".partial"))

        let again = scratch.path + "/again.tar"
        #expect(try CLI.run(["export", "--ledger", ledger, "--seq", "1-3", "-o", again]).status == 0)
        let first = try Self.tar(["-xOf", archive, "records/3.proof"], in: scratch.path).1
        #expect(first == (try Self.tar(["-xOf", again, "records/3.proof"], in: scratch.path).1), "the same proof")
    }

    /// A link planted where the archive is written first (`<out>.partial`) must not carry the records' content to
    /// its target: the leftover is removed and the archive written into a new file of its own.
    @Test func aLinkPlantedAtThePartialFileIsNotWrittenThrough() throws {
        let scratch = Scratch("export-link")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let victim = scratch.path + "/victim.txt"
        try Data("untouched\n".utf8).write(to: URL(fileURLWithPath: victim))
        let archive = scratch.path + "/out.tar"
        try FileManager.default.createSymbolicLink(atPath: archive + ".partial", withDestinationPath: victim)

        let result = try CLI.run(["export", "--ledger", ledger, "--seq", "1-3", "-o", archive])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "untouched\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: archive)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(!FileManager.default.fileExists(atPath: archive + ".partial"))
    }

    @Test func exportExitCodesSayWhatWentWrong() throws {
        let scratch = Scratch("export-codes")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let out = scratch.path + "/out.tar"
        let usage = try CLI.run(["export", "--ledger", ledger, "-o", out])
        #expect(usage.status == 64, "no selection: \(usage.stderr)")
        #expect(try CLI.run(["export", "--ledger", ledger, "--seq", "1", "--group", "g-1", "-o", out]).status == 64)
        let bad = try CLI.run(["export", "--ledger", ledger, "--seq", "3-1", "-o", out])
        #expect(bad.status == 65 && bad.stderr.contains("backwards"), "\(bad.stderr)")
        let tooMany = try CLI.run(["export", "--ledger", ledger, "--seq", "0-10000", "-o", out])
        #expect(tooMany.status == 65 && tooMany.stderr.contains("at most 10000"), "\(tooMany.stderr)")
        #expect(try CLI.run(["export", "--ledger", ledger, "--seq", "99", "-o", out]).status == 65)
        #expect(try CLI.run(["export", "--ledger", ledger, "--finding", "R1:none", "-o", out]).status == 66)
        #expect(try CLI.run(["export", "--ledger", scratch.path + "/none", "--seq", "1", "-o", out]).status == 66)
        let unwritable = try CLI.run(["export", "--ledger", ledger, "--seq", "1", "-o", scratch.path + "/no/dir/x.tar"])
        #expect(unwritable.status == 74, "\(unwritable.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "no archive after a failure")
    }
}

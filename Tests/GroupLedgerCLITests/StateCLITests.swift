import Foundation
import LedgerCore
import Testing

/// `groupledger state` end to end on the demo province.
@Suite struct StateCLITests {
    @Test func stateJSONIsCanonicalDeterministicAndCarriesItsHash() throws {
        let scratch = Scratch("state-json")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let first = try CLI.run(["state", "--ledger", ledger, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["state", "--ledger", ledger, "--json"])
        #expect(second.stdoutData == first.stdoutData)
        let bytes = Array(first.stdoutData.dropLast())
        let document = try JSONParser().parse(bytes)
        #expect(JCS.serialize(document) == bytes)
        let hash = try #require(document["state_hash"]?.stringValue)
        let body = JSONObject(members: try #require(document.objectValue).members.filter { $0.key != "state_hash" })
        #expect(SHA256().hash(JCS.serialize(.object(body))).hex == hash)
        #expect(document["groups"]?.objectValue?.count == 6)
        #expect((document["persons"]?.objectValue?.count ?? 0) >= 50)
        let text = try CLI.run(["state", "--ledger", ledger])
        #expect(text.status == 0)
        #expect(text.stdout.contains("state hash \(hash)"))
    }

    /// The state at a past record is exactly the state of a ledger that holds only the records up to it.
    @Test func stateAtAPastRecordEqualsTheStateOfThatPrefix() throws {
        let scratch = Scratch("state-at")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let prefix = try Province.ledger(in: scratch, name: "prefix", lines: 900)
        let past = try CLI.run(["state", "--ledger", ledger, "--json", "--at", "900"])
        #expect(past.status == 0, "\(past.stderr)")
        #expect(past.stdoutData == (try CLI.run(["state", "--ledger", prefix, "--json"])).stdoutData)
        #expect(past.stdoutData != (try CLI.run(["state", "--ledger", ledger, "--json"])).stdoutData)
    }

    /// `--at TIME` folds what had happened by then (event time).
    @Test func stateAtAPastTime() throws {
        let scratch = Scratch("state-time")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let group = "g-7301128844556677001"
        let before = try CLI.run([
            "state", "--ledger", ledger, "--json", "--group", group, "--at", "2026-11-14T09:59:00+07:00",
        ])
        let after = try CLI.run([
            "state", "--ledger", ledger, "--json", "--group", group, "--at", "2026-11-14T10:00:00+07:00",
        ])
        #expect(before.status == 0 && after.status == 0, "\(before.stderr)\(after.stderr)")
        let members = { (result: CLI.Result) throws -> Set<String> in
            let document = try JSONParser().parse(Array(result.stdoutData.dropLast()))
            return Set(document["groups"]?[group]?["members"]?.objectValue?.keys ?? [])
        }
        // p-020's new account joined at 10:00, reported and approved before.
        #expect(try !members(before).contains("7301000000000001020"))
        #expect(try members(after).contains("7301000000000001020"))
    }

    @Test func mistakesExitWithUsefulMessages() throws {
        let scratch = Scratch("state-bad")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let unknown = try CLI.run(["state", "--ledger", ledger, "--group", "g-nope"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("g-7301128844556677001"))
        let badTime = try CLI.run(["state", "--ledger", ledger, "--at", "yesterday"])
        #expect(badTime.status == 64)
        #expect(badTime.stderr.contains("RFC 3339"))
        #expect(try CLI.run(["state", "--ledger", ledger, "--at", "999999"]).status == 66)
    }
}

/// The demo province fixture in a fresh ledger.
enum Province {
    static let events = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/province/events.jsonl")

    /// Creates `<scratch>/<name>` and appends the fixture's first `lines` events (all by default).
    static func ledger(in scratch: Scratch, name: String = "ledger", lines: Int? = nil) throws -> String {
        let ledger = scratch.path + "/" + name
        var input = try Data(contentsOf: events)
        if let lines {
            let cut = input.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(lines)
            input = Data(cut.joined(separator: [0x0A])) + Data([0x0A])
        }
        let created = try CLI.run(["init", "--ledger", ledger, "--origin", "daklak.gov.vn/test"])
        let appended = try CLI.run(["append", "--ledger", ledger, scratch.write(name + ".jsonl", Array(input))])
        guard created.status == 0, appended.status == 0 else {
            throw LedgerError(.badInput, "cannot build the province ledger: \(created.stderr)\(appended.stderr)")
        }
        return ledger
    }

    /// The sequence number the fixture's event `id` gets in a fresh ledger (line N is record N).
    static func seq(ofId id: String) throws -> Int {
        let lines = String(decoding: try Data(contentsOf: events), as: UTF8.self).split(separator: "\n")
        guard let index = lines.firstIndex(where: { $0.contains("\"id\":\"\(id)\"") }) else {
            throw LedgerError(.notFound, "\(id) is not in the province fixture")
        }
        return index + 1
    }
}

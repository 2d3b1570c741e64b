import Foundation
import Testing

/// D7: `prove` and `publish` get past damaged tree files.
@Suite struct TreeRepairCLITests {
    /// A hash changed in the middle of `tree/level-00`: `prove` and `publish` rebuild the tree files and succeed,
    /// and the proof verifies; nobody has to delete `tree/` by hand.
    @Test func proveAndPublishGetPastADamagedTreeFile() throws {
        let scratch = Scratch("d7-tree")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch, posts: 20)
        let level0 = ledger + "/tree/level-00"
        var bytes = Array(FileManager.default.contents(atPath: level0)!)
        bytes[32 * 4 + 20] ^= 1
        _ = FileManager.default.createFile(atPath: level0, contents: Data(bytes))
        let proof = scratch.path + "/proof"
        let proved = try CLI.run(["prove", "inclusion", "--ledger", ledger, "--index", "5", "--output", proof])
        #expect(proved.status == 0, "\(proved.stderr)")
        #expect(proved.stderr.contains("rebuilt them from the segments"), "\(proved.stderr)")
        let record = scratch.path + "/record"
        _ = FileManager.default.createFile(
            atPath: record,
            contents: try CLI.run(["show", "--ledger", ledger, "5", "--raw"]).stdoutData
        )
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let checked = try CLI.run(["proof", "verify", proof, "--record", record, "--vkey", vkey])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")

        bytes = Array(FileManager.default.contents(atPath: level0)!)
        bytes[32 * 9 + 31] ^= 1
        _ = FileManager.default.createFile(atPath: level0, contents: Data(bytes))
        let published = try CLI.run(["publish", "--ledger", ledger, scratch.path + "/tiles"])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)
    }
}

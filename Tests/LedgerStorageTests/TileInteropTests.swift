import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// Reads the published tree with an independent tlog-tiles client, the PyPI package `tlog-scales`.
@Suite struct TileInteropTests {
    /// Verifies the checkpoint's Ed25519 signature with the log's verifier key, recomputes the root from the
    /// tiles, and then, for every entry: fetches it from its entry bundle, checks its leaf hash against hash
    /// `index` of its level 0 tile itself (tlog-scales' root check alone never reads bundles), and verifies an
    /// inclusion proof built from the tiles. Each further argument `size:base64root` is an earlier checkpoint
    /// whose consistency with this one is proven from the tiles.
    static let script = #"""
        import base64
        import sys
        from pathlib import Path

        from tlog_scales import signing, tiles
        from tlog_scales.backend import LocalBackend
        from tlog_scales.reader import TilesReader

        directory, vkey = sys.argv[1], sys.argv[2]
        reader = TilesReader(LocalBackend(Path(directory)))
        checkpoint = reader.get_checkpoint()
        checkpoint.verify(signing.Vkey.from_string(vkey))
        root = reader.calculate_root_hash()
        if root != checkpoint.root_hash:
            sys.exit(f"root from tiles {root.hex()} != checkpoint root {checkpoint.root_hash.hex()}")
        for index in range(checkpoint.size):
            entry = reader.get_entry(index)
            leaf = tiles.leaf_hash(entry)
            in_tile = reader.mth(index, index + 1)  # hash `index` of its level 0 tile
            if leaf != in_tile:
                sys.exit(f"entry {index}: leaf hash {leaf.hex()} != level 0 tile hash {in_tile.hex()}")
            reader.get_inclusion_proof(index, checkpoint.size).check(leaf, checkpoint.root_hash)
        for earlier in sys.argv[3:]:
            size, old_root = earlier.split(":")
            proof = reader.get_consistency_proof(int(size), checkpoint.size)
            proof.check(base64.b64decode(old_root), checkpoint.root_hash)
        print(f"verified {checkpoint.size} entries and {len(sys.argv) - 3} consistency proofs")
        """#

    @Test func tlogScalesVerifiesEveryEntry() throws {
        if let missing = TileInteropTests.missingPrerequisite() {
            print("SKIPPED (tlog-scales not installed: \(missing))")
            return
        }
        var fixture = try TileFixture("tiles-interop", records: 600)
        defer { fixture.remove() }
        try fixture.publish()
        try TileInteropTests.verify(fixture, expecting: "verified 600 entries and 0 consistency proofs")

        let earlier = try "600:" + fixture.rootHash().base64
        try fixture.append(10)
        try fixture.publish()
        try fixture.append(160)
        try fixture.publish()
        let middle = try "610:" + fixture.rootHash(size: 610).base64
        try TileInteropTests.verify(
            fixture,
            earlier: [earlier, middle],
            expecting: "verified 770 entries and 2 consistency proofs"
        )

        // The client rejects what does not match: a flipped byte in an entry bundle.
        let bundle = fixture.out + "/tile/entries/001"
        var bytes = Bytes.read(bundle)
        bytes[100] ^= 1
        Bytes.write(bytes, bundle)
        let result = try TileInteropTests.python(["-c", TileInteropTests.script, fixture.out, fixture.signer.vkey])
        #expect(result.status != 0)
        #expect(result.output.contains("entry 256: leaf hash"))
    }

    static func verify(_ fixture: TileFixture, earlier: [String] = [], expecting summary: String) throws {
        let result = try python(["-c", script, fixture.out, fixture.signer.vkey] + earlier)
        #expect(result.status == 0, "tlog-scales failed: \(result.output)")
        #expect(result.output.split(separator: "\n").last.map(String.init) == summary)
    }

    /// Why the interop test cannot run, or `nil` if `python3` can import `tlog_scales`.
    static func missingPrerequisite() -> String? {
        do {
            let result = try python(["-c", "import tlog_scales"])
            guard result.status == 0 else {
                let reason = result.output.split(separator: "\n").last.map(String.init) ?? ""
                return result.status == 127 ? "python3 not found" : reason
            }
            return nil
        } catch {
            return "cannot run python3: \(error)"
        }
    }

    /// Runs `python3 arguments…` through `env`, so that `PATH` finds it, with its standard error merged into
    /// its standard output (one pipe, so neither can fill up while the other is read).
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }
}

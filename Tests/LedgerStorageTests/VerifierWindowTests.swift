import Foundation
import LedgerCore
import TestSupport
import Testing

@testable import LedgerStorage

/// Verify reads segments and content files through a window: the verdict must not depend on its size, intact or
/// damaged, wherever the damage falls relative to the windows' edges.
@Suite struct VerifierWindowTests {
    /// The smallest window verify may use: one frame of the largest record.
    static let smallestWindow = 4 + Record.maxSize + Hash.byteCount

    /// A ledger of one large segment: records and contents of many sizes, up to a content of 300 KB.
    static func ledger(in dir: TemporaryDirectory) throws -> String {
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        var random = SeededRandom(seed: 11)
        for batch in 0..<20 {
            _ = try ledger.append(
                (0..<20).map { n in
                    let size = [10, 900, 20_000, 300_000][Int.random(in: 0...3, using: &random) * (n % 7 == 0 ? 1 : 0)]
                    return Events.post(batch * 20 + n, text: String(repeating: "Đ", count: size / 2 + n))
                }
            )
        }
        ledger.close()
        return root
    }

    static func verdict(_ root: String, window: Int) throws -> String {
        var verifier = Verifier(root: root)
        verifier.windowBytes = window
        let report = try verifier.run()
        return
            "\(report.problem.map { "\($0)" } ?? "intact") records=\(report.records) content=\(report.contentChecked)"
    }

    @Test func anyWindowGivesTheSameVerdict() throws {
        let dir = TemporaryDirectory("verify-window")
        defer { dir.remove() }
        let root = try Self.ledger(in: dir)
        let whole = try Self.verdict(root, window: 8 << 20)
        #expect(whole.hasPrefix("intact records=401"))
        for window in [Self.smallestWindow, Self.smallestWindow + 1, 100_003, 1 << 20] {
            #expect(try Self.verdict(root, window: window) == whole, "window \(window)")
        }
    }

    @Test func damageIsFoundAndLocatedAlikeWithAnyWindow() throws {
        let dir = TemporaryDirectory("verify-window-damage")
        defer { dir.remove() }
        let root = try Self.ledger(in: dir)
        let files = ["segments/00000000000000000000.seg", "content/00000000000000000000.content"]
        var random = SeededRandom(seed: 12)
        for round in 0..<40 {
            let file = root + "/" + files[round % 2]
            var bytes = try #require(FileManager.default.contents(atPath: file))
            // Near a window edge half of the time: damage to a frame that two windows share.
            let edge =
                Self.smallestWindow * Int.random(in: 1...8, using: &random) + Int.random(in: -40...40, using: &random)
            let position =
                round % 4 < 2 ? min(bytes.count - 1, 64 + edge) : Int.random(in: 64..<bytes.count, using: &random)
            let original = bytes[position]
            bytes[position] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: file))
            let whole = try Self.verdict(root, window: 8 << 20)
            #expect(!whole.hasPrefix("intact"), "round \(round): a flip at \(file) byte \(position) went unseen")
            #expect(try Self.verdict(root, window: Self.smallestWindow) == whole, "round \(round)")
            #expect(try Self.verdict(root, window: 100_003) == whole, "round \(round)")
            bytes[position] = original
            try bytes.write(to: URL(fileURLWithPath: file))
        }
    }
}

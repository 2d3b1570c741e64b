import Foundation
import LedgerCore
import LedgerStorage

/// A small ledger built once per test, with helpers to find and damage its bytes.
struct LedgerFixture {
    let dir: TemporaryDirectory
    let root: String

    /// Creates a ledger with `batches` (each an append call).
    init(_ label: String, batches: [[EventEnvelope]], options: LedgerOptions = LedgerOptions()) throws {
        dir = TemporaryDirectory(label)
        root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        for batch in batches { _ = try ledger.append(batch) }
        ledger.close()
    }

    func remove() { dir.remove() }

    /// A copy of the ledger directory, for one damage experiment.
    func copy(_ name: String) throws -> String {
        let target = dir.path + "/" + name
        try FileManager.default.copyItem(atPath: root, toPath: target)
        return target
    }

    var firstSegment: String { root + "/segments/" + LedgerLayout.stem(0) + ".seg" }

    /// Byte ranges of every frame of the first segment, by seq.
    func frames() throws -> [(seq: UInt64, range: Range<Int>)] {
        let reader = try LedgerReader(root: root)
        var out: [(UInt64, Range<Int>)] = []
        let bytes = try Data(contentsOf: URL(fileURLWithPath: firstSegment))
        let size = try reader.head().size
        for seq in 0..<size {
            let entry = try reader.entry(seq)
            guard entry.file == "segments/" + LedgerLayout.stem(0) + ".seg" else { break }
            let length = Int(
                bytes[entry.frameOffset..<entry.frameOffset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            )
            out.append((seq, entry.frameOffset..<entry.frameOffset + 4 + length + 32))
        }
        return out
    }
}

enum Bytes {
    static func read(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }
    static func write(_ bytes: [UInt8], _ path: String) { try! Data(bytes).write(to: URL(fileURLWithPath: path)) }
}

extension AppendResult {
    /// The counts alone, for comparing with an expected result (the checkpoint is checked on its own).
    var counts: AppendResult {
        var result = self
        result.checkpoint = nil
        return result
    }
}

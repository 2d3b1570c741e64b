import Foundation
import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerStorage

/// A ledger in a temporary directory holding the province fixture (`Fixtures/province/events.jsonl`, 2,828 events),
/// appended in several commits, with the TUYỆT MẬT post withheld at the end.
struct ProvinceLedger {
    /// The ledger directory.
    let root: String
    /// The ledger size after each commit, in order (the last one includes the withholding).
    let commitSizes: [UInt64]
    /// The withheld post.
    let classifiedSeq: UInt64

    /// The id of the province fixture's TUYỆT MẬT post.
    static let classifiedPost = "zca:g-7301128844556677002:6001000000000099001"

    /// Builds the ledger in `commits` commits of about equal size, then withholds the classified post unless told
    /// not to.
    init(_ label: String, commits: Int = 4, withholding: Bool = true) throws {
        root =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("inspection-\(label)-\(UUID().uuidString)").path
        let ledger = try Ledger.create(at: root, origin: "daklak.gov.vn/ubnd/zalo-groups")
        defer { ledger.close() }
        let events = try Self.fixtureEvents("province/events.jsonl")
        var sizes: [UInt64] = []
        let step = (events.count + commits - 1) / commits
        for start in stride(from: 0, to: events.count, by: step) {
            _ = try ledger.append(Array(events[start..<min(events.count, start + step)]))
            sizes.append(ledger.size)
        }
        guard let classified = try LedgerReader(root: root).seq(ofId: Self.classifiedPost) else {
            throw LedgerError(.notFound, "the province fixture has no post \(Self.classifiedPost)")
        }
        classifiedSeq = classified
        if withholding {
            _ = try ledger.withhold(seq: classified, reason: "R7a-classified", actor: "vp-ubnd")
            sizes.append(ledger.size)
        }
        commitSizes = sizes
    }

    /// The ledger's size after its last commit.
    var size: UInt64 { commitSizes.last! }

    /// Withholds the classified post now; returns the new size.
    func withholdClassified() throws -> UInt64 {
        let ledger = try Ledger.open(at: root)
        defer { ledger.close() }
        _ = try ledger.withhold(seq: classifiedSeq, reason: "R7a-classified", actor: "vp-ubnd")
        return ledger.size
    }

    /// A reader of the ledger.
    func reader() throws -> LedgerReader { try LedgerReader(root: root) }

    /// Every record of the first `size`, as a replay reads them.
    func records(size: UInt64? = nil) throws -> [RecordedEvent] {
        var records: [RecordedEvent] = []
        try RecordSource.read(reader(), size: size ?? self.size, cutoff: .everything) { records.append($0) }
        return records
    }

    /// Deletes the ledger directory.
    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The events of a JSON Lines file under `Fixtures/`.
    static func fixtureEvents(_ relative: String) throws -> [EventEnvelope] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/" + relative)
        let bytes = Array(try Data(contentsOf: url))
        var events: [EventEnvelope] = []
        for (number, line) in bytes.split(separator: 0x0A).enumerated() {
            events.append(try EnvelopeDecoder().decode(Array(line), at: "\(relative) line \(number + 1)"))
        }
        return events
    }
}

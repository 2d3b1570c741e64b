import Foundation
import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage
import Logging
import Synchronization
import Testing

@testable import LedgerServer

/// The web view's model follows the ledger: resumed at start, caught up after a wake, saved at the end, and rebuilt
/// (with a warning, never a failure) when its snapshot is damaged.
@Suite struct InspectionFeedTests {
    /// A ledger in a temporary directory holding the first `count` demo events.
    struct DemoLedger {
        let directory: String
        let ledger: Ledger
        let events: [EventEnvelope]

        init(_ label: String) throws {
            directory =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("groupledger-feed-\(label)-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            ledger = try Ledger.create(at: directory + "/ledger", origin: "example.org/feed-test")
            let bytes = try Fixtures.bytes("demo/events.jsonl")
            events = try bytes.split(separator: 0x0a).enumerated().map { number, line in
                try EnvelopeDecoder().decode(Array(line), at: "demo/events.jsonl line \(number + 1)")
            }
        }

        func remove() {
            ledger.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// Keeps what a feed logs.
    final class Logged: Sendable {
        let lines = Mutex<[String]>([])
        var logger: Logger {
            Logger(label: "feed-test") { _ in LineHandler(logged: self) }
        }
    }

    struct LineHandler: LogHandler {
        let logged: Logged
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { logged.lines.withLock { $0.append("\(event.message)") } }
    }

    /// The size the test says was committed.
    final class Committed: Sendable {
        private let value: Mutex<UInt64>
        init(_ size: UInt64) { value = Mutex(size) }
        var size: UInt64 {
            get { value.withLock { $0 } }
            set { value.withLock { $0 = newValue } }
        }
    }

    static func feed(
        _ demo: DemoLedger,
        _ committed: Committed,
        logged: Logged,
        interval: Duration = .milliseconds(20)
    ) -> InspectionFeed {
        InspectionFeed(
            layout: demo.ledger.layout,
            metadata: demo.ledger.metadata,
            committedSize: { committed.size },
            interval: interval,
            saveEvery: 1_000_000,
            logger: logged.logger
        )
    }

    @Test func theModelFollowsCommitsIsSavedAtTheEndAndRebuiltWhenItsSnapshotIsDamaged() async throws {
        let demo = try DemoLedger("follow")
        defer { demo.remove() }
        let half = demo.events.count / 2
        _ = try demo.ledger.append(Array(demo.events[..<half]))
        let committed = Committed(demo.ledger.size)
        let logged = Logged()
        let feed = Self.feed(demo, committed, logged: logged)
        let running = Task(executorPreference: TestExecutor.shared) { await feed.run() }
        try await WitnessPushTests.eventually("the first model") { feed.view?.size == committed.size }

        _ = try demo.ledger.append(Array(demo.events[half...]))
        committed.size = demo.ledger.size
        feed.wake()
        try await WitnessPushTests.eventually("the catch-up") { feed.view?.size == demo.ledger.size }
        let groups = try #require(feed.view).state.groups.keys.sorted()
        #expect(!groups.isEmpty)
        feed.finish()
        await running.value
        let snapshot = demo.directory + "/ledger/views/inspection.snapshot"
        #expect(FileManager.default.fileExists(atPath: snapshot), "saved at the end")
        #expect(logged.lines.withLock { $0 }.isEmpty, "\(logged.lines.withLock { $0 })")

        // A damaged snapshot: the next start says so, rebuilds, serves the same model, and saves a good one.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: snapshot))
        let again = Self.feed(demo, committed, logged: logged)
        let second = Task(executorPreference: TestExecutor.shared) { await again.run() }
        try await WitnessPushTests.eventually("the rebuilt model") { again.view?.size == demo.ledger.size }
        #expect(try #require(again.view).state.groups.keys.sorted() == groups)
        again.finish()
        await second.value
        let warnings = logged.lines.withLock { $0 }
        #expect(warnings.count == 1 && warnings.first?.contains("inspection.snapshot") == true, "\(warnings)")

        let third = Logged()
        let resumed = Self.feed(demo, committed, logged: third)
        let running3 = Task(executorPreference: TestExecutor.shared) { await resumed.run() }
        try await WitnessPushTests.eventually("the resumed model") { resumed.view?.size == demo.ledger.size }
        resumed.finish()
        await running3.value
        #expect(third.lines.withLock { $0 }.isEmpty, "the snapshot saved after the rebuild is good")
    }

    @Test func finishingEndsThePauseBetweenCatchUpsAtOnce() async throws {
        let demo = try DemoLedger("finish")
        defer { demo.remove() }
        _ = try demo.ledger.append(Array(demo.events.prefix(10)))
        let committed = Committed(demo.ledger.size)
        let feed = Self.feed(demo, committed, logged: Logged(), interval: .seconds(3600))
        let running = Task(executorPreference: TestExecutor.shared) { await feed.run() }
        try await WitnessPushTests.eventually("the first model") { feed.view != nil }
        feed.wake()
        try await Task.sleep(for: .milliseconds(200))
        feed.finish()
        // Without the pause ending, this would wait an hour; the test's own time limit catches that.
        await running.value
        #expect(feed.view?.size == demo.ledger.size)
    }
}

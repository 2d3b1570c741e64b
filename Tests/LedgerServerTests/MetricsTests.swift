import LedgerServer
import NIOHTTP1
import Testing

/// `/metrics` counts the durable commits and how long their `fdatasync` calls took.
@Suite struct MetricsTests {
    /// The value of the sample `name` (without labels) in a Prometheus text exposition.
    static func sample(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    @Test func commitsAndTheirSyncTimesAreCounted() async throws {
        let served = try await Served.start("metrics")
        let before = try await served.send(.GET, "/metrics").text
        #expect(Self.sample("groupledger_commits_total", in: before) == 0)
        for n in 0..<3 {
            let posted = try await served.send(
                .POST,
                "/v1/events",
                token: served.importer,
                body: Events.body(["m\(n)"])
            )
            #expect(posted.status == 200)
        }
        let after = try await served.send(.GET, "/metrics").text
        // Three bodies sent one after the other: three commits, each with its syncs timed.
        #expect(Self.sample("groupledger_commits_total", in: after) == 3)
        #expect(Self.sample("groupledger_fsync_seconds_count", in: after) == 3)
        #expect((Self.sample("groupledger_fsync_seconds_sum", in: after) ?? 0) > 0)
        try await served.stop()
    }
}

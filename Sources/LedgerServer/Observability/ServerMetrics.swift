import Prometheus

/// `groupledger serve`'s Prometheus metrics, in a registry of its own (``MetricsRegistry``). `GET /metrics` renders
/// it.
struct ServerMetrics: MetricsRegistry {
    let registry = PrometheusCollectorRegistry()
    private let ackLatency: DurationHistogram
    private let syncLatency: DurationHistogram
    private let commits: Counter
    private let eventsAppended: Counter
    private let duplicates: Counter
    private let bodiesCommitted: Counter
    private let commitFailures: Counter
    private let queueDepth: Gauge
    private let ledgerSize: Gauge

    init(queueLimit: Int) {
        ackLatency = registry.makeDurationHistogram(
            descriptor: Self.name(
                "ack",
                "seconds",
                "From the start of an ingest request to its answer after the durable commit."
            ),
            labels: [],
            buckets: [
                .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                .milliseconds(2500), .seconds(5), .seconds(10),
            ]
        )
        syncLatency = registry.makeDurationHistogram(
            descriptor: Self.name("fsync", "seconds", "The fdatasync calls of one commit (content and segment)."),
            labels: [],
            buckets: [
                .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .seconds(1),
            ]
        )
        commits = registry.makeCounter(
            descriptor: Self.name("commits", "total", "Durable commits: bodies finished together share one."),
            labels: []
        )
        eventsAppended = registry.makeCounter(
            descriptor: Self.name("events_appended", "total", "Events appended to the ledger through the server."),
            labels: []
        )
        duplicates = registry.makeCounter(
            descriptor: Self.name("events_duplicate", "total", "Events skipped because their id was already there."),
            labels: []
        )
        bodiesCommitted = registry.makeCounter(
            descriptor: Self.name("bodies_committed", "total", "Request bodies committed durably (200 answers)."),
            labels: []
        )
        commitFailures = registry.makeCounter(
            descriptor: Self.name("commit_failures", "total", "Commits the ledger could not make (I/O, sync)."),
            labels: []
        )
        queueDepth = registry.makeGauge(
            descriptor: Self.name("commit_queue_depth", "bodies", "Bodies being received or waiting for a commit."),
            labels: []
        )
        registry.makeGauge(
            descriptor: Self.name("commit_queue_limit", "bodies", "Bodies admitted at once before 503."),
            labels: []
        ).set(Double(queueLimit))
        ledgerSize = registry.makeGauge(
            descriptor: Self.name("ledger_size", "records", "Records in the ledger."),
            labels: []
        )
    }

    /// Counts one body committed: its events, and the time from its request's start to the answer.
    func committed(appended: Int, duplicates: Int, latency: Duration) {
        eventsAppended.increment(by: Int64(appended))
        self.duplicates.increment(by: Int64(duplicates))
        bodiesCommitted.increment()
        ackLatency.record(latency)
    }

    /// Counts one durable commit, whose `fdatasync` calls took `sync`.
    func synced(_ sync: Duration) {
        commits.increment()
        syncLatency.record(sync)
    }

    /// Counts one commit the ledger could not make.
    func commitFailed() { commitFailures.increment() }

    /// The bodies being received or waiting for a commit.
    func queue(depth: Int) { queueDepth.set(Double(depth)) }

    /// The ledger's size, in records.
    func ledger(size: UInt64) { ledgerSize.set(Double(size)) }
}

import LedgerStorage
import Prometheus

/// The witness results of `serve --witness`, in the server's registry beside its other metrics.
extension ServerMetrics {
    /// Counts one witness's result in a round (`ok`, `conflict`, `bad_signature`, `error`) and records its latency.
    func witnessed(_ result: WitnessPushResult) {
        let witness = ("witness", result.peer.name)
        registry.makeCounter(
            descriptor: Self.witnessName(
                "pushes",
                "total",
                "Checkpoints pushed to each witness, by result (ok, conflict, bad_signature, error)."
            ),
            labels: [witness, ("result", result.label)]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.witnessName(
                "push",
                "seconds",
                "From the first add-checkpoint request to a witness to its result, retries included."
            ),
            labels: [witness],
            buckets: [
                .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250), .seconds(1),
                .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
            ]
        ).record(result.latency)
    }

    /// Counts a round that could not run to its end (the pool's files could not be read or written).
    func witnessRoundFailed() {
        registry.makeCounter(
            descriptor: Self.witnessName("round_failures", "total", "Witness rounds stopped by a pool file error."),
            labels: []
        ).increment()
    }

    /// The size of the checkpoint `/checkpoint` serves: the newest that met the witness quorum.
    func witnessPublished(size: UInt64) {
        registry.makeGauge(
            descriptor: Self.witnessName("published_size", "records", "Size of the newest witnessed checkpoint."),
            labels: []
        ).set(Double(size))
    }

    private static func witnessName(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        name("witness_" + metric, unit, help)
    }
}

import Prometheus

/// The answers of a witness's `add-checkpoint` endpoint, in the registry of the server that hosts it
/// (`witness serve`, or `serve --witness-dir` beside its other metrics).
extension MetricsRegistry {
    /// Counts one `add-checkpoint` answer by its result, named after its status (C2SP tlog-witness's table).
    func addCheckpointAnswered(status: Int) {
        registry.makeCounter(
            descriptor: Self.name(
                "witness_add_checkpoint",
                "total",
                "add-checkpoint requests answered as a witness, by result (cosigned, conflict, refused, ...)."
            ),
            labels: [("result", Self.addCheckpointResult(status))]
        ).increment()
    }

    /// The result label of an `add-checkpoint` status.
    static func addCheckpointResult(_ status: Int) -> String {
        switch status {
        case 200: "cosigned"
        case 400: "malformed"
        case 403: "untrusted_signature"
        case 404: "unknown_log"
        case 409: "conflict"
        case 413: "too_large"
        case 422: "inconsistent"
        case 503: "busy"
        default: "error"
        }
    }
}

import Prometheus

/// `groupledger witness serve`'s Prometheus metrics (``MetricsRegistry``): its requests by route and status and its
/// `add-checkpoint` results. `GET /metrics` renders them.
struct WitnessServerMetrics: MetricsRegistry {
    let registry = PrometheusCollectorRegistry()
}

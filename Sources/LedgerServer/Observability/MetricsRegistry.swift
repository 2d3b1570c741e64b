import Prometheus

/// A server's Prometheus registry, one per server so that servers in one process (tests) do not mix their counts:
/// what `groupledger serve` (``ServerMetrics``) and `groupledger witness serve` (``WitnessServerMetrics``) both
/// count and render at `GET /metrics`.
protocol MetricsRegistry: Sendable {
    /// The registry every metric of the server is made in.
    var registry: PrometheusCollectorRegistry { get }
}

extension MetricsRegistry {
    /// Counts one answered request.
    func request(route: String, status: Int) {
        registry.makeCounter(
            descriptor: Self.name("http_requests", "total", "HTTP requests answered, by route and status."),
            labels: [("route", route), ("status", String(status))]
        ).increment()
    }

    /// The Prometheus text exposition.
    func render() -> [UInt8] { registry.emitToBuffer() }

    /// `groupledger_<metric>_<unit>`, with its help text.
    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "groupledger", metricName: metric, unitName: unit, helpText: help)
    }
}

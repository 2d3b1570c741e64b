/// How often and how long a ``WitnessPool`` tries one witness in one round.
///
/// A transient failure (an error from the transport, such as a timeout, or a status 429 or 5xx) is retried after
/// a back-off of ``firstBackoff`` doubled after each further failure, capped at ``maximumBackoff``, for at most
/// ``attempts`` requests in all (a 409 answer's one retry from the witness's size included). A retry is made
/// only if, with every request taking its full ``requestTimeout``, the witness's round still ends within
/// ``budget``: the bound holds on the worst case, not on a measured time.
public struct WitnessRetryPolicy: Sendable, Hashable {
    /// The most requests to one witness in one round.
    public var attempts: Int
    /// The timeout given to the transport for each request.
    public var requestTimeout: Duration
    /// The wait before the first retry.
    public var firstBackoff: Duration
    /// The longest wait between two requests.
    public var maximumBackoff: Duration
    /// The longest one witness's round may take, requests and waits included.
    public var budget: Duration

    /// A policy; the defaults try 4 times with waits of 0.25, 0.5 and 1 s and a 5 s timeout, within 30 s.
    public init(
        attempts: Int = 4,
        requestTimeout: Duration = .seconds(5),
        firstBackoff: Duration = .milliseconds(250),
        maximumBackoff: Duration = .seconds(4),
        budget: Duration = .seconds(30)
    ) {
        self.attempts = max(1, attempts)
        self.requestTimeout = requestTimeout
        self.firstBackoff = firstBackoff
        self.maximumBackoff = maximumBackoff
        self.budget = budget
    }

    /// The wait after the `failures`-th transient failure (1 for the first).
    public func backoff(afterFailure failures: Int) -> Duration {
        var wait = firstBackoff
        for _ in 1..<max(1, failures) where wait < maximumBackoff { wait = wait * 2 }
        return min(wait, maximumBackoff)
    }
}

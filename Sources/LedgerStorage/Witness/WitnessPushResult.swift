public import LedgerCore

/// What pushing one checkpoint to one witness came to, for the round's verdict and for metrics.
public struct WitnessPushResult: Sendable, Hashable {
    /// How the push ended.
    public enum Outcome: Sendable, Hashable {
        /// The witness cosigned: its cosignature lines that verified with its key (at least one).
        case cosigned([NoteSignature])
        /// The witness holds another view of the log: it cosigned a larger tree than this checkpoint, answered
        /// 409 again after the retry from its size, answered 409 without a size (how an earlier revision of
        /// tlog-witness reports a root mismatch) or 422 (the proof from its size, or the roots, do not match).
        /// Investigate: it can be a split view.
        case conflict(String)
        /// The witness answered 200, but no line of the answer verifies with its key (a wrong configured key, or
        /// an answer from someone else). Not counted toward the quorum.
        case badSignature(String)
        /// No usable answer: transport errors and 429/5xx after the retry policy, a refusal (400, 403, 404, 413
        /// or another status), or a proof the ledger could not build.
        case failed(String)
    }

    /// The witness.
    public let peer: WitnessPeer
    /// How the push ended.
    public let outcome: Outcome
    /// The requests made.
    public let attempts: Int
    /// The last HTTP status received, or `nil` when no request was answered.
    public let status: Int?
    /// The time from the first request to the end, back-off waits included.
    public let latency: Duration
    /// The size the witness is known to have cosigned after this push (what it cosigned now, or what its 409
    /// said), or `nil` when unknown. The pool remembers it for the next round's `old` line.
    public let witnessSize: UInt64?

    /// A metrics label: `ok`, `conflict`, `bad_signature` or `error`.
    public var label: String {
        switch outcome {
        case .cosigned: "ok"
        case .conflict: "conflict"
        case .badSignature: "bad_signature"
        case .failed: "error"
        }
    }

    /// The verified cosignature lines, empty unless the witness cosigned.
    public var cosignatures: [NoteSignature] {
        if case .cosigned(let lines) = outcome { lines } else { [] }
    }
}

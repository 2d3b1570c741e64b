public import LedgerCore
public import LedgerImport
public import LedgerStorage

/// Ingests whole request bodies for a service (the HTTP API, Zalo OA webhooks): each body is decoded and checked
/// as it arrives, then appended as one all-or-nothing batch. Bodies finished at the same moment share the writer's
/// commits — one `fdatasync` for every body waiting — and each learns the outcome of its own batch only once it is
/// durable.
///
/// Feed a body with ``Submission/feed(_:)`` chunk by chunk (a stream needs no buffer of its own), then call
/// ``Submission/finish()``. A submission dropped before `finish` (the client went away, the request was
/// cancelled) appends nothing. Use one submission per thread; `finish` blocks until the commit is durable, so a
/// server calls it from a thread that may block.
public struct BodyIngest: Sendable {
    /// What one body became, once durable.
    public struct Outcome: Sendable, Equatable {
        /// Events written by this body.
        public let appended: Int
        /// Events skipped because their id was already in the ledger (a retried request) or earlier in the body.
        public let duplicates: Int
        /// Units skipped as out of scope (a typing notice, a 1:1 chat), by reason.
        public let skipped: [String: Int]
        /// The sequence number of the first event written, if any.
        public let firstSeq: UInt64?
        /// The ledger's size once this body was durable.
        public let size: UInt64
        /// The signed checkpoint of the commit the body landed in (its size is at least ``size``).
        public let checkpoint: [UInt8]?
    }

    /// Why a body was not appended. Nothing of it was.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The first refused unit, with its line (or element, or row), byte and field.
        case refused(ImportError)
        /// The body passed ``maxBodyBytes``.
        case tooLarge(limit: Int)
        /// The ledger could not append (I/O, a stopped writer, a batch too large).
        case ledger(LedgerError)

        public var description: String {
            switch self {
            case .refused(let error): error.description
            case .tooLarge(let limit): "the body is larger than the \(limit)-byte limit; send it in smaller parts"
            case .ledger(let error): error.description
            }
        }
    }

    let ledger: Ledger
    let format: IngestFormat
    let options: ImportOptions
    /// The largest body accepted, in bytes.
    public let maxBodyBytes: Int

    public init(ledger: Ledger, format: IngestFormat, options: ImportOptions = ImportOptions(), maxBodyBytes: Int) {
        self.ledger = ledger
        self.format = format
        self.options = options
        self.maxBodyBytes = maxBodyBytes
    }

    /// Starts a body; `name` stands for it in error locations (`request 7f3a line 3 (byte 812): …`).
    public func begin(name: String) -> Submission {
        Submission(owner: self, decoder: format.decoder(source: ImportSource(name: name), options: options))
    }

    /// Ingests a body given whole or as a sequence of chunks.
    public func submit(name: String, _ chunks: some Sequence<[UInt8]>) throws(Failure) -> Outcome {
        var submission = begin(name: name)
        for chunk in chunks { try submission.feed(chunk) }
        return try submission.finish()
    }

    /// One body being received.
    public struct Submission {
        let owner: BodyIngest
        var decoder: any SourceDecoder
        private var events: [PreparedEvent] = []
        private var skipped: [String: Int] = [:]
        private var received = 0
        private var failure: Failure?

        init(owner: BodyIngest, decoder: any SourceDecoder) {
            self.owner = owner
            self.decoder = decoder
        }

        /// Decodes the next chunk of the body. After the first refusal the rest is not decoded.
        public mutating func feed(_ chunk: [UInt8]) throws(Failure) {
            if let failure { throw failure }
            received += chunk.count
            guard received <= owner.maxBodyBytes else { throw fail(.tooLarge(limit: owner.maxBodyBytes)) }
            let outcomes = chunk.withUnsafeBytes { decoder.consume($0) }
            try take(outcomes)
        }

        /// Ends the body and appends its events as one batch; returns once it is durable.
        public mutating func finish() throws(Failure) -> Outcome {
            let sealed = try seal()
            let result: AppendResult
            do { result = try owner.ledger.append(prepared: sealed.events) } catch { throw fail(.ledger(error)) }
            return sealed.outcome(result)
        }

        /// Ends the body without appending it: its checked events, for a ``GroupCommitter`` to append together
        /// with other bodies.
        public mutating func seal() throws(Failure) -> SealedBody {
            if let failure { throw failure }
            try take(decoder.finish())
            return SealedBody(events: events, skipped: skipped)
        }

        private mutating func take(_ outcomes: [ImportOutcome]) throws(Failure) {
            for outcome in outcomes {
                switch outcome {
                case .events(let more, _): events += more
                case .skipped(_, let reason): skipped[reason, default: 0] += 1
                case .rejected(let error): throw fail(.refused(error))
                }
            }
        }

        private mutating func fail(_ failure: Failure) -> Failure {
            self.failure = failure
            events = []
            return failure
        }
    }
}

/// A body read to its end and checked, not yet appended: what ``BodyIngest/Submission/seal()`` returns.
public struct SealedBody: Sendable {
    /// The body's events, in order, as the ledger appends them.
    public let events: [PreparedEvent]
    /// Units skipped as out of scope, by reason.
    public let skipped: [String: Int]

    /// The body's outcome once `result`, the append of ``events``, is durable.
    func outcome(_ result: AppendResult) -> BodyIngest.Outcome {
        BodyIngest.Outcome(
            appended: result.appended,
            duplicates: result.duplicates,
            skipped: skipped,
            firstSeq: result.firstSeq,
            size: result.size,
            checkpoint: result.checkpoint
        )
    }
}

import Foundation
import LedgerCore
public import LedgerImport
public import LedgerStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a stream that may never end and commits its events in durable batches: every `commitEvery` events or
/// `commitIntervalMillis` after the first waiting event, whichever comes first, and at the end of input or when
/// the stop descriptor becomes readable (the CLI passes a signalfd for SIGTERM/SIGINT). Each commit is handed to
/// `acknowledge` once the append is durable, with the last unit it covers: everything up to that unit is durable;
/// a crash loses only what came after, and since ids come from the source, resending from the last acknowledged
/// unit adds no duplicates. A bad unit stops the loop (after committing the units before it) unless `rejects` is
/// given, which records it and goes on.
public struct FollowIngest {
    /// When to commit.
    public struct Policy: Sendable {
        public var commitEvery: Int
        public var commitIntervalMillis: Int

        public init(commitEvery: Int = 1000, commitIntervalMillis: Int = 200) {
            self.commitEvery = commitEvery
            self.commitIntervalMillis = commitIntervalMillis
        }
    }

    /// One durable commit.
    public struct Acknowledgement: Sendable {
        /// 1 for the first commit of the run.
        public let number: Int
        /// Events in the commit (appended and duplicates).
        public let events: Int
        public let result: AppendResult
        /// The last unit the commit covers.
        public let through: SourceLocation?
    }

    /// What the run did.
    public struct Summary: Sendable {
        public var commits = 0
        public var appended = 0
        public var duplicates = 0
        public var skipped = 0
        public var rejected = 0
        /// Whether the stop descriptor ended the run (rather than the end of input).
        public var stoppedBySignal = false
    }

    let input: IngestInput
    var decoder: any SourceDecoder
    let ledger: Ledger
    let policy: Policy
    let rejects: RejectsFile?
    let stopDescriptor: Int32
    let acknowledge: (Acknowledgement) -> Void

    private var pending: [PreparedEvent] = []
    private var deadline: UInt64?
    private var lastHandled: SourceLocation?
    private var summary = Summary()

    /// - Parameters:
    ///   - stopDescriptor: a descriptor that becomes readable when the run should commit and end (-1: none).
    public init(
        input: IngestInput,
        decoder: any SourceDecoder,
        ledger: Ledger,
        policy: Policy,
        rejects: RejectsFile?,
        stopDescriptor: Int32 = -1,
        acknowledge: @escaping (Acknowledgement) -> Void
    ) {
        self.input = input
        self.decoder = decoder
        self.ledger = ledger
        self.policy = policy
        self.rejects = rejects
        self.stopDescriptor = stopDescriptor
        self.acknowledge = acknowledge
    }

    /// Reads until the end of input, a refused unit (without `rejects`) or the stop descriptor.
    public mutating func run() throws -> Summary {
        var fds = [
            pollfd(fd: input.descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let timeout: Int32
            if let deadline {
                let now = FollowIngest.nowMillis()
                timeout = deadline > now ? Int32(clamping: deadline - now) : 0
            } else {
                timeout = -1
            }
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR {
                throw LedgerError(.io, "cannot wait for \(input.name)", cause: SystemCallError("poll", errno: errno))
            }
            if fds[1].revents != 0 {
                // Units not yet complete (a line without its newline) are not committed: the source resends them.
                summary.stoppedBySignal = true
                break
            }
            if fds[0].revents != 0 {
                var outcomes: [ImportOutcome] = []
                let more = try input.read { outcomes = decoder.consume($0) }
                if !more { outcomes = decoder.finish() }
                try handle(outcomes)
                if !more { break }
            }
            if let deadline, FollowIngest.nowMillis() >= deadline { try commit() }
        }
        try commit()
        return summary
    }

    private mutating func handle(_ outcomes: [ImportOutcome]) throws {
        for outcome in outcomes {
            switch outcome {
            case .events(let events, let location):
                lastHandled = location
                if pending.isEmpty && !events.isEmpty {
                    deadline = FollowIngest.nowMillis() + UInt64(policy.commitIntervalMillis)
                }
                pending += events
                if pending.count >= policy.commitEvery { try commit() }
            case .skipped(let location, _):
                lastHandled = location
                summary.skipped += 1
            case .rejected(let error):
                guard let rejects else {
                    try commit()
                    throw error.ledgerError
                }
                try rejects.record(error)
                lastHandled = error.location
                summary.rejected += 1
            }
        }
    }

    private mutating func commit() throws {
        try rejects?.sync()
        guard !pending.isEmpty else {
            deadline = nil
            return
        }
        let result = try ledger.append(prepared: pending)
        summary.commits += 1
        summary.appended += result.appended
        summary.duplicates += result.duplicates
        acknowledge(
            Acknowledgement(number: summary.commits, events: pending.count, result: result, through: lastHandled)
        )
        pending = []
        deadline = nil
    }

    static func nowMillis() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
    }
}

public import LedgerCore

/// Why a witness did not cosign a checkpoint: one case per row of the
/// [C2SP tlog-witness](https://c2sp.org/tlog-witness) `add-checkpoint` status table, plus the witness's own
/// failures.
///
/// ``Witness/cosign(checkpointNote:proof:logVerifierKeys:oldSize:)`` turns a rejection into a `LedgerError` for the
/// CLI; ``WitnessEndpoint`` turns it into an HTTP status with ``httpStatus``.
public struct WitnessRejection: Error, Sendable, CustomStringConvertible {
    /// The kind of rejection.
    public enum Reason: Sendable, Hashable {
        /// The request or the checkpoint note cannot be parsed.
        case malformed
        /// The witness trusts no key for the checkpoint's origin.
        case unknownOrigin
        /// No trusted key signed the checkpoint, or a trusted key's signature on it does not verify.
        case untrusted
        /// The request's old size is larger than the checkpoint's size.
        case oldSizeTooLarge
        /// The request's old size is not the size the witness last cosigned for the origin, which is `latest`.
        case oldSizeMismatch(latest: UInt64)
        /// The checkpoint is smaller than the one the witness cosigned, of size `latest` (only reachable without
        /// an old size: with one, the request is `oldSizeTooLarge` or `oldSizeMismatch` first).
        case rollback(latest: UInt64)
        /// The checkpoint has the size the witness last cosigned, but another root: the log signed two trees.
        case fork
        /// The consistency proof does not verify, or a tree of size 0 does not have the empty tree's root.
        case inconsistent
        /// The proof has the wrong shape: not empty where it must be, or of the wrong length for the sizes.
        case badProof
        /// Another request held the witness lock for longer than ``Witness/lockTimeout``.
        case busy
        /// The witness could not read or write its files, or found them damaged; nothing was cosigned.
        case failed(LedgerError.Code)
    }

    /// The kind of rejection.
    public let reason: Reason
    /// What happened and what to do, for people (it may name files of the witness: log it, do not send it).
    public let message: String

    /// A rejection for `reason`.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }

    /// The status C2SP tlog-witness gives this rejection: 400 malformed or old size larger than the checkpoint,
    /// 403 untrusted, 404 unknown origin, 409 old size mismatch (a rollback too: the witness is ahead), 422 a
    /// proof that does not verify or has the wrong shape, a fork, or a size-0 tree with another root; 503 busy;
    /// 500 the witness's own failure.
    public var httpStatus: Int {
        switch reason {
        case .malformed, .oldSizeTooLarge: 400
        case .untrusted: 403
        case .unknownOrigin: 404
        case .oldSizeMismatch, .rollback: 409
        case .fork, .inconsistent, .badProof: 422
        case .busy: 503
        case .failed: 500
        }
    }

    /// The error the CLI reports: `.refused` where the checkpoint must not be trusted, `.badInput` for a request
    /// the caller can correct, `.locked` when busy, and the witness's own failure as it was.
    var ledgerError: LedgerError {
        switch reason {
        case .untrusted, .rollback, .fork, .inconsistent: LedgerError(.refused, message)
        case .malformed, .unknownOrigin, .oldSizeTooLarge, .oldSizeMismatch, .badProof: LedgerError(.badInput, message)
        case .busy: LedgerError(.locked, message)
        case .failed(let code): LedgerError(code, message)
        }
    }

    /// A rejection for the witness's own failure `error`: `.busy` for a lock timeout, `.failed` otherwise.
    init(_ error: LedgerError) {
        self.init(error.code == .locked ? .busy : .failed(error.code), error.description)
    }
}

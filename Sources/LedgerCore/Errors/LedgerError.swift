/// The error every GroupLedger module reports: a stable `code` that programs and tests match on, and a `message`
/// for people that names the file, line or byte offset, the sequence number, and what to do.
///
/// Two errors are equal when their codes are equal, as with swift-nio's `FileSystemError`.
public struct LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of the kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// An input line or file is not a valid event (bad JSON, missing or mistyped field, too large).
        public static let badInput = Code("bad-input")
        /// A file the command needs does not exist.
        public static let missingInput = Code("missing-input")
        /// A file or directory cannot be created (exists already, permissions).
        public static let cannotCreate = Code("cannot-create")
        /// A system call failed for a reason other than damage (permissions, disk full, EIO).
        public static let io = Code("io")
        /// `fsync`/`fdatasync` failed: nothing after this is acknowledged and the writer has stopped.
        public static let syncFailed = Code("sync-failed")
        /// A previous failure stopped this writer; it must be reopened.
        public static let writerStopped = Code("writer-stopped")
        /// Another process holds the writer lock.
        public static let locked = Code("locked")
        /// The ledger's files are damaged or were altered; nothing was repaired.
        public static let corrupt = Code("corrupt")
        /// The directory is not a ledger, or was made by an incompatible version.
        public static let notALedger = Code("not-a-ledger")
        /// A request names something the ledger does not have (a sequence number past the end).
        public static let notFound = Code("not-found")
        /// The request is valid but cannot be done in the ledger's current state.
        public static let refused = Code("refused")
    }

    public let code: Code
    public let message: String
    /// Where in the ledger's files it went wrong, as far as the reporter knows (the message says it too).
    public let location: Location
    /// The lower-level error, for example the ``SystemCallError`` of a failed `pwrite`, when there is one.
    public let cause: (any Error)?

    public init(_ code: Code, _ message: String, at location: Location = Location(), cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    public var description: String {
        if let cause { "\(message) (\(cause))" } else { message }
    }

    public static func == (lhs: LedgerError, rhs: LedgerError) -> Bool { lhs.code == rhs.code }
}

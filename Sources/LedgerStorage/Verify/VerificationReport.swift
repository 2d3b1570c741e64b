public import LedgerCore
import SystemPackage

/// The verdict of ``Verifier``: whether the ledger is intact and, if not, the first problem, located.
public struct VerificationReport: Sendable {
    /// The first problem found, located as precisely as the damage allows.
    public struct Problem: Sendable, Equatable {
        /// The kind of damage; its raw value is a stable name, e.g. `record-damaged`.
        public let kind: ProblemKind
        /// The file, relative to the ledger root.
        public let file: String?
        /// The byte offset in `file`.
        public let byteOffset: Int?
        /// The sequence number of the damaged record, if one is concerned.
        public let seq: UInt64?
        public let expected: String?
        public let found: String?
        /// One sentence for people.
        public let message: String
    }

    /// `nil` when the ledger is intact.
    public var problem: Problem?
    /// Records checked (before the problem, if there is one), including any of a torn write.
    public var records: UInt64 = 0
    /// Segments checked.
    public var segments = 0
    /// The size the head recorded.
    public var headSize: UInt64 = 0
    /// The RFC 6962 root over the head's records.
    public var root: Hash?
    /// Records past the head that the writer adopts when it next opens: whole append batches that continue the
    /// chain (the head was not advanced after them: a crash, or the head was lowered). They were checked like the
    /// others, and outside checkpoints are checked against them too.
    public var pastHead: UInt64 = 0
    /// The root at size `headSize + pastHead`, when `pastHead > 0`.
    public var adoptedRoot: Hash?
    /// Intact records after the last whole append batch of the last segment: a torn write the writer quarantines
    /// when it next opens. They are counted in `records` but not in the tree that checkpoints are checked against.
    public var tornRecords: UInt64 = 0
    /// The size the writer will have when it next opens: the head's, plus the records past it that it adopts.
    public var adoptedSize: UInt64 { headSize + pastHead }
    /// Records with content whose commitment was opened and checked.
    public var contentChecked = 0
    /// Records whose content was withheld, each with its `ledger.content_withheld` event.
    public var withheld = 0
    /// The largest size that an outside checkpoint or a witness quorum vouches for, if any.
    public var anchoredSize: UInt64?
    /// How the anchor was established, one line each ("checkpoint saved.cp (size 1200)").
    public var anchors: [String] = []
    /// Where the log's verifier keys came from.
    public var logKeySource = ""
    /// Things worth knowing that are not damage (a torn tail not yet recovered, records past the head).
    public var notes: [String] = []

    public var isIntact: Bool { problem == nil }

    public init() {}
}

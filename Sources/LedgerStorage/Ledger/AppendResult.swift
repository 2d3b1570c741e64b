/// What one `append` call did.
public struct AppendResult: Sendable, Equatable {
    /// Records written by this call.
    public var appended: Int
    /// Events skipped because their `id` was already in the ledger (or earlier in the same call).
    public var duplicates: Int
    /// The sequence number of the first record written, if any.
    public var firstSeq: UInt64?
    /// The ledger size (number of records) once this call was acknowledged.
    public var size: UInt64
    /// The signed checkpoint of the commit this call landed in (C2SP signed note). Its size is at least ``size``:
    /// appends that arrive together share one commit and one checkpoint. `nil` when the commit's checkpoint could
    /// not be signed (the records are durable, and the writer stopped: see ``Ledger/append(_:)``).
    public var checkpoint: [UInt8]?

    public init(appended: Int, duplicates: Int, firstSeq: UInt64?, size: UInt64, checkpoint: [UInt8]? = nil) {
        self.appended = appended
        self.duplicates = duplicates
        self.firstSeq = firstSeq
        self.size = size
        self.checkpoint = checkpoint
    }
}

/// What `open` repaired, for the user to read.
public struct RecoveryReport: Sendable, Equatable {
    /// Bytes of a torn, unacknowledged tail moved to `quarantine/`.
    public var quarantinedBytes: Int = 0
    /// The quarantine file, relative to the ledger root.
    public var quarantineFile: String?
    /// Segments that held nothing but a torn append spanning segments: copied whole to `quarantine/` and removed
    /// with their content and index files (relative to the ledger root).
    public var removedSegments: [String] = []
    /// The last sequence number kept.
    public var lastGoodSeq: UInt64 = 0
    /// Records found past the head (acknowledged appends whose head write was lost to a crash).
    public var recoveredRecords: UInt64 = 0
    /// Orphan content bytes (for records that were never acknowledged) truncated.
    public var truncatedContentBytes: Int = 0
    /// The tree files disagreed with the head (they are not synced), or a node with its children when the files
    /// were rechecked in full (see `TreeStore+Check.swift`), and were rebuilt from the segments.
    public var rebuiltTree = false
    /// Key rotations and retirements a crash had cut short, finished at open (one sentence each).
    public var finishedKeyChanges: [String] = []

    public init() {}

    /// One sentence per repair, empty when nothing was repaired.
    public var messages: [String] {
        var out: [String] = []
        if quarantinedBytes > 0, let quarantineFile {
            out.append(
                "recovered a torn tail: \(quarantinedBytes) bytes after seq \(lastGoodSeq) were not "
                    + "acknowledged; copied to \(quarantineFile) and cut from the segment"
            )
        }
        if !removedSegments.isEmpty {
            out.append(
                "the torn append had spanned segments: removed \(removedSegments.joined(separator: ", ")) (copied to "
                    + "quarantine/ first) with their content and index files"
            )
        }
        if truncatedContentBytes > 0 {
            out.append(
                "removed \(truncatedContentBytes) bytes of content written for records that were never "
                    + "acknowledged"
            )
        }
        return out + finishedKeyChanges
    }
}

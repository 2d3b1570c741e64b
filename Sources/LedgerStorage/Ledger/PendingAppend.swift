import LedgerCore

/// What an append has staged and not yet published: record and content bytes not yet written (after `written…`
/// bytes that were), and the derived data written once the batch is durable.
struct PendingAppend {
    var segment: [UInt8] = []
    var content: [UInt8] = []
    /// Where this append's bytes begin in the live segment and content file: their committed lengths in the head
    /// state, or the empty files' lengths once the append has moved on to a segment of its own.
    var segmentBase: UInt64
    var contentBase: UInt64
    /// Bytes of this append already written to the live segment and content file, after the bases (a staged
    /// append writes as it goes, and an append seals every segment it fills).
    var writtenSegment: UInt64 = 0
    var writtenContent: UInt64 = 0
    /// The live segment's index entries of this append, written once it is durable.
    var index: [UInt8] = []
    /// The segments this append filled and sealed before reaching its end, in order: written and synced, their
    /// index entries waiting for the acknowledgement. The first is the segment live when it began.
    var filled: [FilledSegment] = []
    var newIds = IdTable()
    var frontier: MerkleFrontier
    var treeNodes = TreeRuns()
    var seq: UInt64
    var prev: Hash
    /// Fresh random bytes for the content salts, drawn many salts at a time.
    var salts: [UInt8] = []
    var saltsUsed = 0

    /// An empty append that starts after the acknowledged records of `state`.
    init(after state: HeadState) {
        segmentBase = state.segmentLength
        contentBase = state.contentLength
        frontier = state.frontier
        seq = state.size
        prev = state.lastLeaf
    }

    /// Where the live segment and content file end once everything staged is written.
    var segmentEnd: UInt64 { segmentBase + writtenSegment + UInt64(segment.count) }
    var contentEnd: UInt64 { contentBase + writtenContent + UInt64(content.count) }

    /// Whether any byte of this append reached a file (and must be removed if it is abandoned).
    var hasWritten: Bool { writtenSegment > 0 || writtenContent > 0 || !filled.isEmpty }

    mutating func nextSalt() -> ArraySlice<UInt8> {
        if saltsUsed == salts.count {
            salts = SecureRandom.bytes(256 * ContentFormat.saltSize)
            saltsUsed = 0
        }
        defer { saltsUsed += ContentFormat.saltSize }
        return salts[saltsUsed..<saltsUsed + ContentFormat.saltSize]
    }

    /// Moves on to an empty segment: what is staged from now on goes after its header.
    mutating func moveToNewSegment() {
        index.removeAll()
        segmentBase = UInt64(SegmentFormat.headerSize)
        contentBase = 0
        writtenSegment = 0
        writtenContent = 0
    }
}

/// A segment that an append filled and sealed before its end (see ``PendingAppend/filled``).
struct FilledSegment {
    var files: SegmentFiles
    var index: [UInt8]
}

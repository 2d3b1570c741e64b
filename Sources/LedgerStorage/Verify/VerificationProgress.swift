import LedgerCore

/// What ``Verifier`` has established so far, as its steps walk the ledger in order: the report being filled in,
/// the chain continued across segments, the records the writer keeps and a torn write past them, and what the
/// later steps check (the leaf at the head, the log keys, the withholdings).
struct VerificationProgress {
    /// The head the writer last recorded: the boundary between acknowledged records and a possible torn write.
    let head: HeadState
    /// The Merkle tree of the records the writer keeps, built as segments are merged.
    let tree: TreeBuilder
    var report: VerificationReport
    /// The seq the next segment must start with: the records checked so far.
    var nextSeq: UInt64 = 0
    /// The leaf hash of the last record checked: the `prev` of the next.
    var prev = Hash.zero
    /// The leaf hash of record `head.size - 1`, once it is reached.
    var leafAtHead: Hash?
    /// The records the writer keeps when it next opens: those up to the head, then whole append batches that
    /// continue the chain, across segments.
    var adoptedEnd: UInt64 = 0
    /// The leaves of the records past `adoptedEnd` (an append batch without its last record, which may span
    /// segments), which the writer quarantines; `tornStart` is where they begin.
    var carried: [Hash] = []
    var tornStart: (name: String, offset: Int)?
    /// Where the torn write ends: the last segment, where its frames stop being whole, and its size.
    var tornEnd: (name: String, stop: Int?, fileSize: Int)?
    /// Where the note on the torn write goes among the notes, so that it reads in the order of the files.
    var tornNoteIndex = 0
    /// The verifier keys announced by the records the writer keeps, in order.
    var logKeyHistory: [String] = []
    /// The records whose content was destroyed, with their content file.
    var erased: [UInt64: String] = [:]
    /// For each record a `ledger.content_withheld` event names, the seq of the event.
    var withheldEvents: [UInt64: UInt64] = [:]

    /// - Parameter treeSizes: the sizes whose roots the later steps check.
    init(head: HeadState, treeSizes: Set<UInt64>, report: VerificationReport) {
        self.head = head
        self.tree = TreeBuilder(sizes: treeSizes)
        self.report = report
    }
}

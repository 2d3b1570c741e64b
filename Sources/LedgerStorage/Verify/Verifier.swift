public import LedgerCore
import SystemPackage

/// Re-checks a whole ledger from its files, trusting nothing but the bytes: every record is re-hashed and its
/// stored hash, sequence number and `prev` link checked; segments must follow each other without gap, overlap
/// or foreign header; every content commitment that can be opened is opened; every destroyed content has its
/// `ledger.content_withheld` event; the records must reproduce the size, last hash and Merkle root in the head.
///
/// It stops at the first problem and locates it (file, byte offset, sequence number, expected and found hash
/// prefixes). It takes no lock, and reads each segment and content file through a window of ``windowBytes``, so
/// memory stays flat however large the ledger or one segment grows.
public struct Verifier: Sendable {
    public let layout: LedgerLayout
    /// How much of a segment or content file is read at a time; at least one frame of the largest record.
    var windowBytes = 8 << 20
    /// Whether every record's envelope is also parsed and checked to be a valid event envelope in RFC 8785
    /// canonical form, as the format requires (`verify --envelopes`). Off by default: the record hashes already
    /// prove the bytes unchanged since they were written, and the parse costs about as much again as the hashing.
    public var checksEnvelopes = false

    public init(root: String) { layout = LedgerLayout(root: root) }

    struct Failure: Error { let problem: VerificationReport.Problem }

    /// Runs the verification. `progress` is called with the number of records checked so far, after each segment.
    ///
    /// - Throws: ``LedgerError`` only when the ledger cannot be read at all (not a ledger, I/O error); damage is
    ///   reported in the returned report, not thrown.
    public func run(
        anchors: VerificationAnchors = VerificationAnchors(),
        progress: ((UInt64) -> Void)? = nil
    ) throws(LedgerError) -> VerificationReport {
        let metadata = try LedgerMetadata.read(layout)
        var report = VerificationReport()
        do {
            let anchorCheckpoints = try parseAnchors(anchors, metadata: metadata)
            try check(
                metadata: metadata,
                anchors: anchors,
                anchorCheckpoints: anchorCheckpoints,
                report: &report,
                onSegment: progress
            )
        } catch let failure as Failure {
            report.problem = failure.problem
        } catch let error as LedgerError {
            if error.code == .corrupt {
                report.problem = .init(
                    kind: .unreadable,
                    file: nil,
                    byteOffset: nil,
                    seq: nil,
                    expected: nil,
                    found: nil,
                    message: error.message
                )
            } else {
                throw error
            }
        } catch {
            throw LedgerError(.io, "\(error)")
        }
        return report
    }

    func fail(
        _ kind: VerificationReport.ProblemKind,
        _ message: String,
        file: String? = nil,
        offset: Int? = nil,
        seq: UInt64? = nil,
        expected: String? = nil,
        found: String? = nil
    ) -> Failure {
        Failure(
            problem: .init(
                kind: kind,
                file: file,
                byteOffset: offset,
                seq: seq,
                expected: expected,
                found: found,
                message: message
            )
        )
    }

    /// The steps, in order; each records what it established in `progress` and throws the first problem it finds.
    private func check(
        metadata: LedgerMetadata,
        anchors: VerificationAnchors,
        anchorCheckpoints: [AnchorCheckpoint],
        report: inout VerificationReport,
        onSegment: ((UInt64) -> Void)?
    ) throws {
        let head = try readHead()
        report.headSize = head.size
        let firsts = try segmentFirsts()
        var progress = VerificationProgress(
            head: head,
            treeSizes: Set([head.size] + anchorCheckpoints.map(\.checkpoint.size)),
            report: report
        )
        defer { report = progress.report }
        try checkSegments(firsts, origin: metadata.origin, progress: &progress, onSegment: onSegment)
        noteTornWrite(lastSegment: firsts.last, progress: &progress)
        let roots = try checkHead(&progress)
        try checkAnchors(
            anchorCheckpoints,
            anchors: anchors,
            head: head,
            origin: metadata.origin,
            history: progress.logKeyHistory,
            roots: roots,
            records: progress.adoptedEnd,
            torn: progress.nextSeq - progress.adoptedEnd,
            report: &progress.report
        )
        try checkWithholdings(progress: &progress)
    }

    /// The head: of its two slots, the valid one with the highest generation. A slot holding anything but zeros
    /// or a valid head is damage, even when the other slot is valid.
    private func readHead() throws -> HeadState {
        if let failure = notARegularFile(layout.headPath, name: "head", seq: nil) { throw failure }
        let slots = try HeadFile.readSlots(layout, sha: SHA256())
        if let slot = slots.firstIndex(where: { if case .damaged = $0 { true } else { false } }) {
            throw fail(
                .headDamaged,
                "head slot \(slot) is damaged (its check line does not match)",
                file: "head",
                offset: slot * HeadFile.slotSize
            )
        }
        guard let head = HeadFile.latest(of: slots) else {
            throw fail(.headMissing, "the head file holds no valid slot", file: "head")
        }
        return head
    }

    /// The first sequence numbers of the segments, in order, once every name in `segments/` is a segment's and
    /// every segment a regular file.
    private func segmentFirsts() throws -> [UInt64] {
        var firsts: [UInt64] = []
        for name in try Directory.list(layout.segmentsDirectory, name: "segments") {
            guard let first = LedgerLayout.firstSeq(ofSegmentNamed: name) else {
                throw fail(.foreignFile, "segments/\(name) is not a segment name", file: "segments/\(name)")
            }
            // Before anything is opened: opening a FIFO for reading blocks until a writer comes.
            if let failure = notARegularFile(layout.segmentPath(first), name: "segments/\(name)", seq: nil) {
                throw failure
            }
            firsts.append(first)
        }
        return firsts.sorted()
    }

    /// Checks that the records the writer keeps reproduce the head (its size, last leaf and root) and notes the
    /// records past it; returns the roots the tree reached at the sizes asked for, for the anchors.
    private func checkHead(_ progress: inout VerificationProgress) throws -> [UInt64: Hash] {
        let head = progress.head
        let (roots, adoptedRoot) = progress.tree.finish()
        guard progress.adoptedEnd >= head.size, let rootAtHead = roots[head.size] else {
            throw fail(
                .truncated,
                "the head records \(head.size) records but the segments hold only \(progress.nextSeq): "
                    + "records were removed",
                seq: progress.nextSeq,
                expected: "\(head.size) records",
                found: "\(progress.nextSeq)"
            )
        }
        if head.size > 0, progress.leafAtHead != head.lastLeaf {
            throw fail(
                .headMismatch,
                "record \(head.size - 1) hashes to \(progress.leafAtHead?.hexPrefix() ?? "-") but the "
                    + "head recorded \(head.lastLeaf.hexPrefix())",
                seq: head.size - 1,
                expected: head.lastLeaf.hexPrefix(),
                found: progress.leafAtHead?.hexPrefix()
            )
        }
        let headRoot = head.frontier.root(using: SHA256())
        guard rootAtHead == headRoot else {
            throw fail(
                .rootMismatch,
                "the records produce root \(rootAtHead.hexPrefix()) for size \(head.size) but "
                    + "the head recorded \(headRoot.hexPrefix())",
                expected: headRoot.hexPrefix(),
                found: rootAtHead.hexPrefix()
            )
        }
        let adoptedEnd = progress.adoptedEnd
        progress.report.root = rootAtHead
        progress.report.pastHead = adoptedEnd - head.size
        if adoptedEnd > head.size {
            progress.report.adoptedRoot = adoptedRoot
            progress.report.notes.append(
                "\(adoptedEnd - head.size) records past the head (the head was not advanced: a crash, or the head "
                    + "was lowered); the writer adopts them when it next opens: records \(head.size)..<\(adoptedEnd) "
                    + "are whole append batches that continue the chain, root \(adoptedRoot.hexPrefix()) at size "
                    + "\(adoptedEnd), but no checkpoint in the head covers them"
            )
        }
        return roots
    }

    /// Checks that every destroyed content has its `ledger.content_withheld` event, and notes withholdings whose
    /// content is still stored.
    private func checkWithholdings(progress: inout VerificationProgress) throws {
        let erased = progress.erased
        for (seq, file) in erased.sorted(by: { $0.key < $1.key }) {
            guard progress.withheldEvents[seq] != nil else {
                throw fail(
                    .contentDestroyed,
                    "the content of record \(seq) was destroyed without a "
                        + "ledger.content_withheld event",
                    file: file,
                    seq: seq
                )
            }
        }
        progress.report.withheld = erased.count
        for (target, eventSeq) in progress.withheldEvents.sorted(by: { $0.key < $1.key }) where erased[target] == nil {
            progress.report.notes.append(
                "record \(eventSeq) withholds the content of record \(target), but that content is "
                    + "still stored: run `groupledger withhold --seq \(target)` again to finish"
            )
        }
    }

    /// Opens the commitment of `record` with the next content entry, or notes it as withheld.
    func checkContent(
        of record: Record.Header,
        in contents: inout ContentCursor,
        file: String,
        sha: SHA256,
        erased: inout [UInt64: String]
    ) throws {
        switch try contents.next(for: record.seq) {
        case .mismatch(let offset, let seq):
            throw fail(
                .contentMissing,
                "\(file) byte \(offset): record \(record.seq) commits to content but the next entry is "
                    + (seq.map { "for record \($0)" } ?? "missing or cut short"),
                file: file,
                offset: offset,
                seq: record.seq
            )
        case .entry(let offset, let saltOffset, let end):
            if contents.isErased(saltOffset: saltOffset, end: end) {
                erased[record.seq] = file
                return
            }
            let commitment = contents.commitment(saltOffset: saltOffset, end: end, sha: sha)
            guard commitment == record.contentCommitment else {
                throw fail(
                    .contentCommitment,
                    "\(file) byte \(offset): the content of record \(record.seq) hashes to \(commitment.hexPrefix()) "
                        + "but the record commits to \(record.contentCommitment.hexPrefix())",
                    file: file,
                    offset: offset,
                    seq: record.seq,
                    expected: record.contentCommitment.hexPrefix(),
                    found: commitment.hexPrefix()
                )
            }
        }
    }
}

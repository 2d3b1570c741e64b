import LedgerCore

/// A checkpoint an auditor brought, parsed but not yet trusted.
struct AnchorCheckpoint {
    let name: String
    let note: Note
    let checkpoint: Checkpoint
}

extension Verifier {
    /// Parses the checkpoints the auditor brought and those cosigned checkpoints stored beside the ledger that
    /// witnesses are asked about. A file that is not a checkpoint note is bad input, not damage.
    func parseAnchors(
        _ anchors: VerificationAnchors,
        metadata: LedgerMetadata
    ) throws(LedgerError) -> [AnchorCheckpoint] {
        var sources = anchors.checkpoints
        if !anchors.witnessKeys.isEmpty {
            for (size, note) in try CheckpointStore(layout: layout).all() {
                sources.append(("checkpoints/\(LedgerLayout.stem(size)).note", note))
            }
        }
        var parsed: [AnchorCheckpoint] = []
        for (name, bytes) in sources {
            do {
                let note = try Note.parse(bytes)
                parsed.append(AnchorCheckpoint(name: name, note: note, checkpoint: try Checkpoint(note: note)))
            } catch {
                throw LedgerError(.badInput, "\(name) is not a signed checkpoint: \(error)")
            }
        }
        return parsed
    }

    /// Checks the head's own checkpoint and every outside anchor against the roots the records produce.
    ///
    /// The head's checkpoint must be there once the head holds a record, verify with the log's keys, and name
    /// exactly the ledger's origin and the head's size and root: the writer signs one for every head it writes
    /// and refuses to open a head without it, so a head that lacks it or disagrees with it was written by someone
    /// without the signing key (a lowered head, or a record rewritten and the head recomputed).
    ///
    /// Outside anchors are checked against the records the writer keeps — `records`, the head plus the whole
    /// batches past it — not against the head: an anchor larger than the head is proved by the records themselves.
    /// `torn` records past those (an append batch without its last record) are not counted.
    func checkAnchors(
        _ checkpoints: [AnchorCheckpoint],
        anchors: VerificationAnchors,
        head: HeadState,
        origin: String,
        history: [String],
        roots: [UInt64: Hash],
        records: UInt64,
        torn: UInt64,
        report: inout VerificationReport
    ) throws {
        let pinned = !anchors.logKeys.isEmpty
        let logKeys = pinned ? anchors.logKeys : history
        report.logKeySource = pinned ? "the verifier keys given" : "the ledger's own key events"
        var logVerifiers: [any NoteVerifier] = []
        for vkey in logKeys {
            do { logVerifiers.append(try NoteVerifierKey.parse(vkey)) } catch {
                throw LedgerError(.badInput, "\(vkey) is not a verifier key: \(error)")
            }
        }
        try checkHeadCheckpoint(head, origin: origin, verifiers: logVerifiers, keySource: report.logKeySource)
        var witnessVerifiers: [any NoteVerifier] = []
        for vkey in anchors.witnessKeys {
            do { witnessVerifiers.append(try NoteVerifierKey.parse(vkey)) } catch {
                throw LedgerError(.badInput, "\(vkey) is not a witness verifier key: \(error)")
            }
        }
        for anchor in checkpoints {
            let size = anchor.checkpoint.size
            do { _ = try anchor.note.verify(using: logVerifiers) } catch {
                throw fail(
                    .checkpointSignature,
                    "\(anchor.name) is not signed by the log's key "
                        + "(\(report.logKeySource)): \(error)",
                    file: anchor.name
                )
            }
            guard anchor.checkpoint.origin == origin else {
                throw fail(
                    .checkpointOrigin,
                    "\(anchor.name) is a checkpoint of \(anchor.checkpoint.origin), not of "
                        + "\(origin)",
                    file: anchor.name
                )
            }
            guard size <= records, let root = roots[size] else {
                let tornPart =
                    torn > 0 && size <= records + torn
                    ? " (and \(torn) records of a torn append batch that the writer quarantines)" : ""
                throw fail(
                    .rolledBack,
                    "\(anchor.name) was signed at size \(size) but the ledger holds only "
                        + "\(records) records\(tornPart): records were removed or an older copy was put back",
                    file: anchor.name,
                    seq: records,
                    expected: "at least \(size) records",
                    found: "\(records)"
                )
            }
            guard root == anchor.checkpoint.rootHash else {
                throw fail(
                    .rewritten,
                    "\(anchor.name) was signed at size \(size) with root "
                        + "\(anchor.checkpoint.rootHash.hexPrefix()), but the records now give \(root.hexPrefix()): "
                        + "history before size \(size) was rewritten",
                    file: anchor.name,
                    expected: anchor.checkpoint.rootHash.hexPrefix(),
                    found: root.hexPrefix()
                )
            }
            var how = "\(anchor.name) (size \(size))"
            if !witnessVerifiers.isEmpty {
                guard let witnessed = try? anchor.note.verify(using: witnessVerifiers, minimumVerified: anchors.quorum)
                else { continue }
                how += " cosigned by " + witnessed.verifiedSignatures.map(\.name).joined(separator: ", ")
            }
            report.anchors.append(how)
            report.anchoredSize = max(report.anchoredSize ?? 0, size)
        }
        if !witnessVerifiers.isEmpty && report.anchoredSize == nil {
            throw fail(
                .witnessQuorum,
                "no checkpoint consistent with the ledger carries \(anchors.quorum) "
                    + "cosignature(s) from the witnesses given"
            )
        }
    }

    /// Ties the head's signed checkpoint to the head (see ``checkAnchors``).
    private func checkHeadCheckpoint(
        _ head: HeadState,
        origin: String,
        verifiers: [any NoteVerifier],
        keySource: String
    ) throws {
        if head.checkpoint.isEmpty {
            guard head.size == 0 else {
                throw fail(
                    .headCheckpointMissing,
                    "the head records \(head.size) records but carries no signed checkpoint: the writer signs one "
                        + "for every head it writes and refuses to open without it, so the head was written by "
                        + "someone without the signing key",
                    file: "head",
                    seq: head.size - 1,
                    expected: "a checkpoint of size \(head.size)",
                    found: "none"
                )
            }
            return
        }
        let checkpoint: Checkpoint
        do {
            let note = try Note.open(head.checkpoint, using: verifiers)
            checkpoint = try Checkpoint(note: note.note)
        } catch {
            throw fail(
                .headCheckpoint,
                "the head's signed checkpoint does not verify with \(keySource): \(error)",
                file: "head"
            )
        }
        let root = head.frontier.root(using: SHA256())
        guard checkpoint.origin == origin, checkpoint.size == head.size, checkpoint.rootHash == root else {
            throw fail(
                .headCheckpointMismatch,
                "the head's signed checkpoint (origin \(checkpoint.origin), size \(checkpoint.size), root "
                    + "\(checkpoint.rootHash.hexPrefix())) does not describe the head (origin \(origin), size "
                    + "\(head.size), root \(root.hexPrefix())): the head was rewritten without the signing key",
                file: "head",
                seq: head.size == 0 ? nil : head.size - 1,
                expected: "size \(head.size) root \(root.hexPrefix())",
                found: "size \(checkpoint.size) root \(checkpoint.rootHash.hexPrefix())"
            )
        }
    }
}

public import LedgerCore

/// The log side of [C2SP tlog-witness](https://c2sp.org/tlog-witness): pushes the ledger's checkpoints to its
/// witnesses, collects their cosignatures and publishes the newest checkpoint that a quorum cosigned.
///
/// For each witness, a round sends `add-checkpoint` with the consistency proof from the size that witness last
/// cosigned (remembered in `witnesses/state.json`; 0 on first contact). A 409 with a `text/x.tlog.size` body
/// teaches the witness's size: the proof is rebuilt from it and sent once more. Transport errors, 429 and 5xx
/// are retried as ``WitnessRetryPolicy`` says, bounded in count and in time. A 200's cosignature lines are kept
/// only if they verify with that witness's key ([C2SP tlog-cosignature](https://c2sp.org/tlog-cosignature)); lines
/// by other keys are ignored, as the specification requires.
///
/// When at least ``quorum`` witnesses cosigned, the checkpoint with their cosignature lines appended (a signed note
/// with extra signature lines) replaces `witnesses/published.note`, written atomically and `fsync`ed. Otherwise the
/// published checkpoint stays the last one that met the quorum. It never moves back to a smaller size.
///
/// Witnesses are pushed to concurrently. Run one round at a time (a server keeps one task that pushes the newest
/// checkpoint when the previous round is over); appends never wait for it.
public struct WitnessPool: Sendable {
    /// The witnesses.
    public let peers: [WitnessPeer]
    /// How many witnesses must cosign a checkpoint for it to be published.
    public let quorum: Int
    /// Retries and time bounds for each witness.
    public let policy: WitnessRetryPolicy
    let transport: any WitnessTransport
    let proofs: any ConsistencyProofSource
    let sleep: @Sendable (Duration) async throws -> Void
    let layout: Layout

    /// The pool's files in the ledger directory.
    struct Layout {
        let directory: String
        var statePath: String { directory + "/state.json" }
        var publishedPath: String { directory + "/published.note" }
    }

    /// A pool for the ledger at `root`.
    ///
    /// - Parameters:
    ///   - root: the ledger directory; the pool keeps its files in `<root>/witnesses/`.
    ///   - peers: the witnesses, each with a different key.
    ///   - quorum: how many must cosign, 1 to `peers.count`.
    ///   - transport: how requests are sent.
    ///   - proofs: where consistency proofs come from (by default the ledger's tree files).
    ///   - policy: retries and time bounds.
    ///   - sleep: how back-off waits are made (tests record them instead of waiting).
    /// - Throws: `.badInput` for a quorum out of range or a repeated witness key.
    public init(
        ledger root: String,
        peers: [WitnessPeer],
        quorum: Int,
        transport: any WitnessTransport,
        proofs: (any ConsistencyProofSource)? = nil,
        policy: WitnessRetryPolicy = WitnessRetryPolicy(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) throws(LedgerError) {
        guard (1...max(1, peers.count)).contains(quorum), !peers.isEmpty else {
            throw LedgerError(
                .badInput,
                "a witness quorum of \(quorum) with \(peers.count) witnesses cannot be met; give between 1 and the "
                    + "number of witnesses"
            )
        }
        guard Set(peers.map(\.verifier.vkey)).count == peers.count else {
            throw LedgerError(.badInput, "a witness key is given twice; each witness counts once toward the quorum")
        }
        self.peers = peers
        self.quorum = quorum
        self.transport = transport
        self.proofs = proofs ?? LedgerProofSource(root: root)
        self.policy = policy
        self.sleep = sleep
        layout = Layout(directory: LedgerLayout(root: root).root + "/witnesses")
    }

    // MARK: Files

    /// The published checkpoint: the newest one that met the quorum, with its cosignatures, or `nil` when none has.
    public func published() throws(LedgerError) -> Note? {
        guard Directory.exists(layout.publishedPath) else { return nil }
        try checkDirectory()
        let bytes = try Directory.readFile(layout.publishedPath, limit: Note.maximumByteCount, followLinks: false)
        do {
            return try Note.parse(bytes)
        } catch {
            throw LedgerError(
                .corrupt,
                "\(layout.publishedPath) is not a signed note (\(error)); delete it, and the next round that meets "
                    + "the quorum publishes again"
            )
        }
    }

    /// The sizes remembered for the witnesses.
    func state() throws(LedgerError) -> WitnessPushState {
        guard Directory.exists(layout.statePath) else { return WitnessPushState() }
        try checkDirectory()
        let bytes = try Directory.readFile(layout.statePath, limit: 1 << 20, followLinks: false)
        return try WitnessPushState.decode(bytes, file: layout.statePath)
    }

    /// Refuses a link in place of `witnesses/`: it would send the pool's files elsewhere, or serve someone else's
    /// note as the published checkpoint.
    private func checkDirectory() throws(LedgerError) {
        _ = try Directory.mode(ofDirectory: layout.directory, name: "witnesses/")
    }

    private func write(_ bytes: [UInt8], to path: String, name: String) throws(LedgerError) {
        try Directory.create(layout.directory, name: "witnesses", existingOK: true)
        try checkDirectory()
        try Directory.writeAtomically(bytes, to: path, directory: layout.directory, name: "witnesses/" + name)
    }

    // MARK: A round

    /// Pushes `checkpointNote` (the ledger's newest signed checkpoint) to every witness and publishes it if a
    /// quorum cosigned it.
    ///
    /// The witnesses' sizes are saved before this returns, then the published checkpoint if it changed, each
    /// with `Directory.writeAtomically` (`fsync` of the file and of `witnesses/`).
    ///
    /// - Returns: each witness's result and the published checkpoint after the round.
    /// - Throws: `.badInput` when `checkpointNote` is not a checkpoint; `.corrupt` for damaged pool files or a
    ///   published checkpoint of the same size and another root (the log signed two trees: investigate);
    ///   `.io` or `.syncFailed` when the files cannot be written.
    public func push(checkpointNote: [UInt8]) async throws(LedgerError) -> WitnessRound {
        let note: Note
        let checkpoint: Checkpoint
        do {
            note = try Note.parse(checkpointNote)
            checkpoint = try Checkpoint(note: note)
        } catch {
            throw LedgerError(.badInput, "the checkpoint to push is not a signed checkpoint: \(error)")
        }
        var state = try state()
        let known = state.sizes
        let results = await withTaskGroup(of: (Int, WitnessPushResult).self) { group in
            for (index, peer) in peers.enumerated() {
                group.addTask {
                    let size = known[peer.verifier.vkey]
                    return (index, await push(note, checkpointNote, checkpoint, to: peer, knownSize: size))
                }
            }
            var results: [WitnessPushResult?] = Array(repeating: nil, count: peers.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
        for result in results {
            if let size = result.witnessSize { state.sizes[result.peer.verifier.vkey] = size }
        }
        if state.sizes != known { try write(state.encoded(), to: layout.statePath, name: "state.json") }

        var published = try published()
        let cosigned = results.filter { !$0.cosignatures.isEmpty }
        if cosigned.count >= quorum {
            var witnessed = note
            do {
                for line in cosigned.flatMap(\.cosignatures) where !witnessed.signatures.contains(line) {
                    witnessed = try witnessed.adding(line)
                }
            } catch {
                throw LedgerError(.badInput, "the checkpoint cannot carry every cosignature: \(error)")
            }
            if try isNewer(checkpoint, than: published) {
                try write(witnessed.format(), to: layout.publishedPath, name: "published.note")
                published = witnessed
            }
        }
        return WitnessRound(checkpoint: checkpoint, results: results, quorum: quorum, published: published)
    }

    /// Whether `checkpoint` may replace `published`: it is larger, or the same tree (fresher cosignatures).
    private func isNewer(_ checkpoint: Checkpoint, than published: Note?) throws(LedgerError) -> Bool {
        guard let published else { return true }
        let current: Checkpoint
        do { current = try Checkpoint(note: published) } catch {
            throw LedgerError(.corrupt, "\(layout.publishedPath) is not a checkpoint (\(error)); delete it")
        }
        if checkpoint.size == current.size && checkpoint.rootHash != current.rootHash {
            throw LedgerError(
                .corrupt,
                "the published checkpoint of size \(current.size) has root \(current.rootHash.base64), but the one "
                    + "pushed now has root \(checkpoint.rootHash.base64): the log signed two trees of one size. "
                    + "Stop and investigate (groupledger verify)"
            )
        }
        return checkpoint.size >= current.size
    }

    // MARK: One witness

    /// Pushes the checkpoint to one witness, as the type's documentation says.
    private func push(
        _ note: Note,
        _ noteBytes: [UInt8],
        _ checkpoint: Checkpoint,
        to peer: WitnessPeer,
        knownSize: UInt64?
    ) async -> WitnessPushResult {
        let clock = ContinuousClock()
        let started = clock.now
        var old = knownSize.flatMap { $0 <= checkpoint.size ? $0 : nil } ?? 0
        var witnessSize = knownSize
        var attempts = 0
        var failures = 0
        var status: Int?
        var worstCase = Duration.zero
        var learnedOnce = false
        func end(_ outcome: WitnessPushResult.Outcome) -> WitnessPushResult {
            WitnessPushResult(
                peer: peer,
                outcome: outcome,
                attempts: attempts,
                status: status,
                latency: clock.now - started,
                witnessSize: witnessSize
            )
        }
        while true {
            let proof: [Hash]
            do {
                proof = try proofs.consistencyProof(from: old, checkpointNote: noteBytes)
            } catch {
                return end(.failed("cannot build the consistency proof from size \(old): \(error)"))
            }
            let body = AddCheckpointRequest(oldSize: old, proof: proof, checkpointNote: noteBytes).encoded()
            attempts += 1
            worstCase += policy.requestTimeout
            let transient: String
            do {
                let reply = try await transport.post(
                    url: peer.addCheckpointURL,
                    body: body,
                    timeout: policy.requestTimeout
                )
                status = reply.status
                switch reply.status {
                case 200:
                    let outcome = Self.verify(reply.body, of: note, by: peer)
                    if case .cosigned = outcome { witnessSize = checkpoint.size }
                    return end(outcome)
                case 409:
                    guard let size = WitnessResponse.witnessSize(contentType: reply.contentType, body: reply.body)
                    else {
                        return end(
                            .conflict(
                                "409 without a text/x.tlog.size body: the witness holds another tree of size \(old) "
                                    + "(a split view, or a witness that lost its state)"
                            )
                        )
                    }
                    witnessSize = size
                    guard size <= checkpoint.size else {
                        return end(
                            .conflict(
                                "the witness cosigned size \(size), larger than this checkpoint's \(checkpoint.size)"
                            )
                        )
                    }
                    guard !learnedOnce, size != old else {
                        return end(.conflict("409 again, with size \(size), after the retry from its size"))
                    }
                    learnedOnce = true
                    old = size
                    guard attempts < policy.attempts, worstCase + policy.requestTimeout <= policy.budget else {
                        return end(.failed("409 with size \(size), and the retry policy allows no further request"))
                    }
                    continue
                case 422:
                    return end(
                        .conflict(
                            "422: the witness finds this checkpoint inconsistent with the tree of size \(old) it "
                                + "cosigned (a split view, or a fork of the ledger)"
                        )
                    )
                case 429, 500...599:
                    transient = "status \(reply.status)"
                default:
                    return end(.failed(Self.refusal(reply.status)))
                }
            } catch {
                transient = "\(error)"
            }
            failures += 1
            let wait = policy.backoff(afterFailure: failures)
            guard attempts < policy.attempts, worstCase + wait + policy.requestTimeout <= policy.budget else {
                return end(.failed("no answer after \(attempts) requests; the last: \(transient)"))
            }
            do {
                try await sleep(wait)
            } catch {
                return end(.failed("cancelled while waiting to retry after: \(transient)"))
            }
            worstCase += wait
        }
    }

    /// The cosignature lines of `peer` in a 200 answer `body` for `note`, verified; lines by other keys are
    /// ignored (C2SP tlog-witness: "The client MUST ignore any cosignatures from unknown keys").
    static func verify(_ body: [UInt8], of note: Note, by peer: WitnessPeer) -> WitnessPushResult.Outcome {
        let answer: Note
        do {
            answer = try Note.parse(note.textBytes + [0x0A] + body)
        } catch {
            return .badSignature("the 200 answer is not signature lines: \(error)")
        }
        let key = peer.verifier
        let lines = answer.signatures.filter { $0.name == key.name && $0.keyID == key.keyID }
        guard !lines.isEmpty else {
            let names = answer.signatures.map { "\($0.name)+\(NoteKeyID.hex($0.keyID))" }.joined(separator: ", ")
            return .badSignature(
                "the answer has no cosignature by \(key.name)+\(NoteKeyID.hex(key.keyID)), only by \(names): the "
                    + "witness signs with another key than the one configured"
            )
        }
        for line in lines where !key.verify(text: note.textBytes, signature: line.signature) {
            return .badSignature(
                "the cosignature by \(key.name)+\(NoteKeyID.hex(key.keyID)) does not verify on this checkpoint"
            )
        }
        var unique: [NoteSignature] = []
        for line in lines where !unique.contains(line) { unique.append(line) }
        return .cosigned(unique)
    }

    /// What a refusal status means for the log's operator.
    static func refusal(_ status: Int) -> String {
        switch status {
        case 400: "400: the witness finds the request malformed"
        case 403: "403: no log key the witness trusts signed this checkpoint; give its operator the log's vkey"
        case 404: "404: the witness does not know this log's origin; give its operator the log's vkey"
        case 413: "413: the request is larger than the witness accepts"
        default: "status \(status): not an answer of C2SP tlog-witness add-checkpoint"
        }
    }
}

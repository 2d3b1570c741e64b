public import LedgerCore

extension Witness {
    /// The most consistency proof hashes accepted: C2SP tlog-witness clients "MUST NOT send more than 63".
    public static let maximumProofHashes = 63

    /// Cosigns a checkpoint of a log if it extends the latest one the witness cosigned for that log, and records
    /// it durably before returning the cosignature.
    ///
    /// The checks are those of C2SP tlog-witness `add-checkpoint`, in its order:
    ///
    /// 1. The note must be a checkpoint with a valid signature by a trusted key of its origin (signatures by
    ///    unknown keys are ignored; an invalid one by a known key rejects the note). The trusted keys are pinned
    ///    in the witness state: on the first checkpoint of an origin, all of `logVerifierKeys` (at least one
    ///    is needed, and one of them must have signed); later, the pinned keys, and `logVerifierKeys` may be
    ///    empty. A key in `logVerifierKeys` that is not pinned yet is a key rotation: it is pinned only when this
    ///    checkpoint is signed both by it and by an already pinned key. (Signature lines are independent, so
    ///    this shows the new key signing the same tree as a trusted one, not the old key's consent; confirm a
    ///    new log key out of band.)
    /// 2. If `oldSize` is given, it must be at most the checkpoint's size, and the size the witness last cosigned
    ///    for the origin (0 if none).
    /// 3. A checkpoint smaller than the last cosigned one is a ROLLBACK; one of size 0 must have the empty tree's
    ///    root; one of the same size with another root is a FORK; one of the same size and root is cosigned again
    ///    (fresh timestamp) with an empty proof.
    /// 4. For a larger checkpoint, `proof` must be the RFC 6962 consistency proof from the last cosigned size to
    ///    the checkpoint's size. For an origin seen the first time it must be empty (the old size is 0).
    ///
    /// Refusals of a validly signed checkpoint (rollback, fork, inconsistent) are also written to `evidence/`,
    /// the checkpoint with only the signatures that verified.
    ///
    /// - Parameters:
    ///   - checkpointNote: the encoded signed note of the checkpoint.
    ///   - proof: the consistency proof hashes, at most ``maximumProofHashes``.
    ///   - logVerifierKeys: Ed25519 verifier keys of the log.
    ///   - oldSize: the size the proof was made from, if the caller knows it (tlog-witness's `old` line).
    /// - Returns: the cosigned checkpoint, already recorded in `state.json`.
    /// - Throws: `LedgerError` with code `.refused` for a checkpoint the witness must not cosign, its message
    ///   starting with the kind: `ROLLBACK`, `FORK`, `INCONSISTENT` or `UNTRUSTED`; `.badInput` for malformed
    ///   input (including a proof of the wrong length or from the wrong old size); `.locked` when another run
    ///   holds the lock past ``lockTimeout``; `.corrupt` for damaged state; `.io` or `.syncFailed`.
    @discardableResult
    public func cosign(
        checkpointNote: [UInt8],
        proof: [Hash],
        logVerifierKeys: [String] = [],
        oldSize: UInt64? = nil
    ) throws(LedgerError) -> CosignedCheckpoint {
        let note: Note
        do {
            note = try Note.parse(checkpointNote)
        } catch {
            throw LedgerError(.badInput, "the checkpoint is not a signed note: \(error)")
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(note: note)
        } catch {
            throw LedgerError(.badInput, "the signed note is not a checkpoint: \(error)")
        }
        let given = try Witness.parseLogKeys(logVerifierKeys)
        do {
            return try add(note, checkpoint, proof: proof, oldSize: oldSize, keys: .pinOnFirstUse(given))
        } catch {
            throw error.ledgerError
        }
    }

    /// Which log keys a cosign run may trust besides those pinned in the state.
    enum LogKeys {
        /// Keys given for this run (the CLI's `--log-vkey`): all pinned on an origin's first checkpoint; later, a
        /// key not pinned yet must have signed this checkpoint beside a pinned one, or the run is refused.
        case pinOnFirstUse([Ed25519NoteVerifier])
        /// Keys the witness is configured with for the origin (a service): all pinned on the first checkpoint;
        /// later, a key not pinned yet is pinned when it signed this checkpoint beside a pinned key, and
        /// otherwise ignored, as C2SP tlog-witness ignores signatures by keys it does not use.
        case configured([Ed25519NoteVerifier])
    }

    /// The checks and the durable update of ``cosign(checkpointNote:proof:logVerifierKeys:oldSize:)``, in the
    /// order of the C2SP tlog-witness status table, with the reason of a rejection kept apart for the caller to
    /// map to an exit code or an HTTP status.
    func add(
        _ note: Note,
        _ checkpoint: Checkpoint,
        proof: [Hash],
        oldSize: UInt64?,
        keys: LogKeys
    ) throws(WitnessRejection) -> CosignedCheckpoint {
        guard proof.count <= Witness.maximumProofHashes else {
            throw WitnessRejection(
                .malformed,
                "the consistency proof has \(proof.count) hashes; at most \(Witness.maximumProofHashes) are accepted"
            )
        }
        let lock: WitnessLock
        do { lock = try WitnessLock.acquire(layout, timeout: lockTimeout) } catch { throw WitnessRejection(error) }
        defer { lock.release() }
        var state: WitnessState
        do { state = try self.state() } catch { throw WitnessRejection(error) }
        let previous = state.logs[checkpoint.origin]
        let trust = try authenticate(note, origin: checkpoint.origin, keys: keys, previous: previous)
        try checkConsistency(trust.signed, checkpoint, previous: previous, proof: proof, oldSize: oldSize)

        let now = clock()
        let cosigned: Note
        do {
            let stamped = try CosignatureSigner(name: signer.name, privateKey: signer.privateKey, clock: { now })
            cosigned = try note.signed(by: [stamped])
        } catch {
            throw WitnessRejection(.malformed, "cannot add the cosignature to the checkpoint: \(error)")
        }
        let log: WitnessLogState
        do {
            log = try WitnessLogState(origin: checkpoint.origin, logKeys: trust.pinned, note: cosigned)
        } catch {
            preconditionFailure("a parsed checkpoint no longer parses: \(error)")
        }
        state.record(log)
        do {
            try Directory.writeAtomically(
                state.encoded(),
                to: layout.statePath,
                directory: layout.root,
                name: "state.json"
            )
        } catch {
            throw WitnessRejection(error)
        }
        return CosignedCheckpoint(
            checkpoint: checkpoint,
            note: cosigned,
            cosignature: cosigned.signatures.last!,
            timestamp: now,
            previousSize: previous?.checkpoint.size,
            newlyPinnedKeys: trust.added
        )
    }

    // MARK: Keys

    /// Parses Ed25519 log verifier keys, dropping repeats.
    static func parseLogKeys(_ vkeys: [String]) throws(LedgerError) -> [Ed25519NoteVerifier] {
        var out: [Ed25519NoteVerifier] = []
        for vkey in vkeys {
            let verifier: Ed25519NoteVerifier
            do {
                verifier = try Ed25519NoteVerifier(vkey: vkey)
            } catch {
                throw LedgerError(.badInput, "log verifier key \"\(vkey)\": \(error)")
            }
            if !out.contains(verifier) { out.append(verifier) }
        }
        return out
    }

    /// What authenticating a checkpoint established.
    struct Trust {
        /// The log keys to pin once the checkpoint is cosigned.
        let pinned: [String]
        /// Which of them are pinned by this checkpoint.
        let added: [String]
        /// The note with only the signatures of trusted keys that verified: what a refusal keeps as evidence, so
        /// that lines by unknown keys (which anyone can add) cannot make a replayed note look new.
        let signed: Note
    }

    /// Checks the log's signature on `note` and returns the keys to pin once it is cosigned, and which of them
    /// are new.
    private func authenticate(
        _ note: Note,
        origin: String,
        keys: LogKeys,
        previous: WitnessLogState?
    ) throws(WitnessRejection) -> Trust {
        let pinned = previous?.verifiers ?? []
        let given: [Ed25519NoteVerifier]
        let signersOnly: Bool
        switch keys {
        case .pinOnFirstUse(let list): (given, signersOnly) = (list, false)
        case .configured(let list): (given, signersOnly) = (list, previous != nil)
        }
        if previous == nil && given.isEmpty {
            throw WitnessRejection(
                .unknownOrigin,
                "the witness has never cosigned a checkpoint of \(origin) and trusts no key for it; give the "
                    + "log's verifier key (--log-vkey) to pin it"
            )
        }
        let lines = Set(note.signatures.map { "\($0.name)+\($0.keyID)" })
        let fresh = given.filter { !pinned.contains($0) && (!signersOnly || lines.contains("\($0.name)+\($0.keyID)")) }
        let trusted = previous == nil ? given : pinned
        let verified: VerifiedNote
        do {
            verified = try note.verify(using: pinned + fresh)
        } catch {
            switch error {
            case .invalidSignature(let name, let keyID):
                throw WitnessRejection(
                    .untrusted,
                    "UNTRUSTED: the signature of log key \(name)+\(NoteKeyID.hex(keyID)) on this checkpoint of "
                        + "\(origin) does not verify; the note was altered or forged, and is not cosigned"
                )
            case .insufficientSignatures:
                throw WitnessRejection(
                    .untrusted,
                    "UNTRUSTED: this checkpoint of \(origin) is not signed by "
                        + (previous == nil ? "the given log key" : "a key pinned for it")
                        + " (\(Witness.describe(trusted))); it is signed by \(Witness.describe(note.signatures))"
                )
            case .ambiguousKey(let name, let keyID):
                throw WitnessRejection(
                    .malformed,
                    "two log verifier keys have the name \(name) and key ID \(NoteKeyID.hex(keyID)); give only one"
                )
            default:
                throw WitnessRejection(.malformed, "cannot verify the checkpoint: \(error)")
            }
        }
        let signed: Note
        do {
            signed = try Note(text: note.text, signatures: verified.verifiedSignatures)
        } catch {
            preconditionFailure("a verified note's own signatures no longer make a note: \(error)")
        }
        guard let previous else {
            let keys = given.map(\.vkey)
            return Trust(pinned: keys, added: keys, signed: signed)
        }
        let signedBy = Set(verified.verifiedSignatures.map { "\($0.name)+\($0.keyID)" })
        func signedIt(_ key: Ed25519NoteVerifier) -> Bool { signedBy.contains("\(key.name)+\(key.keyID)") }
        guard pinned.contains(where: signedIt) else {
            throw WitnessRejection(
                .untrusted,
                "UNTRUSTED: this checkpoint of \(origin) is not signed by a key pinned for it "
                    + "(\(Witness.describe(pinned))); a new log key is pinned only from a checkpoint that a "
                    + "pinned key also signed"
            )
        }
        if let unsigned = fresh.first(where: { !signedIt($0) }) {
            throw WitnessRejection(
                .untrusted,
                "UNTRUSTED: log key \(unsigned.name)+\(NoteKeyID.hex(unsigned.keyID)) is not pinned for \(origin) "
                    + "(pinned: \(Witness.describe(pinned))) and did not sign this checkpoint; a new log key is "
                    + "pinned only from a checkpoint signed by it and by a pinned key"
            )
        }
        let added = fresh.map(\.vkey)
        return Trust(pinned: previous.logKeys + added, added: added, signed: signed)
    }

    static func describe(_ keys: [Ed25519NoteVerifier]) -> String {
        keys.map { "\($0.name)+\(NoteKeyID.hex($0.keyID))" }.joined(separator: ", ")
    }

    static func describe(_ signatures: [NoteSignature]) -> String {
        signatures.map { "\($0.name)+\(NoteKeyID.hex($0.keyID))" }.joined(separator: ", ")
    }

    // MARK: Consistency

    /// Checks that `checkpoint` extends the latest cosigned checkpoint of its origin, or refuses it; `note` is the
    /// checkpoint with its verified signatures, kept as evidence of a refusal.
    private func checkConsistency(
        _ note: Note,
        _ checkpoint: Checkpoint,
        previous: WitnessLogState?,
        proof: [Hash],
        oldSize: UInt64?
    ) throws(WitnessRejection) {
        let origin = checkpoint.origin
        let size = checkpoint.size
        let latest = previous?.checkpoint.size ?? 0
        if let oldSize {
            guard oldSize <= size else {
                throw WitnessRejection(
                    .oldSizeTooLarge,
                    "the old size \(oldSize) is larger than the checkpoint's size \(size); a consistency proof "
                        + "goes from a smaller tree to a larger one"
                )
            }
            guard oldSize == latest else {
                let made = "the proof was made from size \(oldSize), but the witness "
                throw WitnessRejection(
                    .oldSizeMismatch(latest: latest),
                    previous == nil
                        ? made + "has never cosigned a checkpoint of \(origin), so its old size is 0; submit with "
                            + "an empty proof"
                        : made + "last cosigned size \(latest) of \(origin); make the consistency proof from "
                            + "\(latest) to \(size)"
                )
            }
        }
        if let previous, size < latest {
            throw refusal(
                .rollback(latest: latest),
                "ROLLBACK of \(origin): witness has seen size \(latest); this checkpoint has size \(size). "
                    + "A log never shrinks, so the witness will not cosign an older view",
                note,
                previous,
                proof
            )
        }
        if size == 0 && checkpoint.rootHash != SHA256.emptyTreeRoot {
            let message =
                "INCONSISTENT: this checkpoint of \(origin) has size 0 but root \(checkpoint.rootHash.base64), "
                + "not the empty tree's root \(SHA256.emptyTreeRoot.base64)"
            guard let previous else { throw WitnessRejection(.inconsistent, message) }
            throw refusal(.inconsistent, message, note, previous, proof)
        }
        guard let previous else {
            guard proof.isEmpty else {
                throw WitnessRejection(
                    .badProof,
                    "the witness has never cosigned a checkpoint of \(origin), so the consistency proof must be "
                        + "empty (old size 0); this one has \(proof.count) hashes"
                )
            }
            return
        }
        let old = previous.checkpoint
        if size == old.size {
            guard checkpoint.rootHash == old.rootHash else {
                throw refusal(
                    .fork,
                    "FORK of \(origin) at size \(size): the witness cosigned root \(old.rootHash.base64); this "
                        + "checkpoint, validly signed by the log, has root \(checkpoint.rootHash.base64). The log "
                        + "signed two different trees of the same size",
                    note,
                    previous,
                    proof
                )
            }
            guard proof.isEmpty else {
                throw WitnessRejection(
                    .badProof,
                    "the checkpoint has the size the witness last cosigned (\(size)) of \(origin), so the "
                        + "consistency proof must be empty; this one has \(proof.count) hashes"
                )
            }
            return
        }
        do {
            try Merkle.verifyConsistency(
                oldSize: old.size,
                newSize: size,
                oldRoot: old.rootHash,
                newRoot: checkpoint.rootHash,
                proof: proof,
                sha: SHA256()
            )
        } catch  where error.code == .wrongProofLength {
            throw WitnessRejection(
                .badProof,
                "\(error.message), so it is not a proof from the witness's size \(old.size) of \(origin); "
                    + "make the consistency proof from \(old.size) to \(size)"
            )
        } catch {
            throw refusal(
                .inconsistent,
                "INCONSISTENT: the proof does not show that size \(size) (root \(checkpoint.rootHash.base64)) of "
                    + "\(origin) extends size \(old.size) (root \(old.rootHash.base64)) that the witness cosigned "
                    + "(\(error.message)). Either the log rewrote its history (a fork) or the proof is not for these "
                    + "trees; the witness will not cosign it",
                note,
                previous,
                proof
            )
        }
    }

    /// A rejection of a validly signed checkpoint, after keeping it as evidence (best effort: a failure to write it
    /// is reported in the message and does not change the verdict).
    private func refusal(
        _ reason: WitnessRejection.Reason,
        _ message: String,
        _ note: Note,
        _ previous: WitnessLogState,
        _ proof: [Hash]
    ) -> WitnessRejection {
        let kind: WitnessEvidence.Kind
        switch reason {
        case .rollback: kind = .rollback
        case .fork: kind = .fork
        default: kind = .inconsistent
        }
        do {
            let path = try WitnessEvidence.record(
                kind,
                message: message,
                refused: note,
                cosigned: previous,
                proof: proof,
                time: clock(),
                layout: layout
            )
            return WitnessRejection(reason, message + ". Evidence: \(path)")
        } catch {
            return WitnessRejection(reason, message + ". (The evidence could not be saved: \(error).)")
        }
    }
}

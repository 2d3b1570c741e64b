public import LedgerCore

/// The witness side of [C2SP tlog-witness](https://c2sp.org/tlog-witness), independent of any HTTP library: it
/// takes the body of a `POST <prefix>/add-checkpoint` and returns the ``WitnessResponse`` to send.
///
/// Every row of the specification's status table is answered, in its order:
///
/// | Condition | Status |
/// |---|---|
/// | the body is not `old N`, ≤ 63 proof lines, an empty line and a checkpoint note | 400 |
/// | the origin is unknown (not in the state, no configured key) | 404 |
/// | no trusted key's signature verifies, or a trusted key's signature fails | 403 |
/// | the old size is larger than the checkpoint's size | 400 |
/// | the old size is not the size last cosigned for the origin (0 if none) | 409, `text/x.tlog.size` body `<size>\n` |
/// | a size-0 checkpoint whose root is not SHA-256("") | 422 |
/// | a non-empty proof from old size 0, or a proof that does not verify | 422 |
/// | the old size is the checkpoint's size but the roots differ (a fork) | 422 |
/// | all checks pass | 200, one cosignature line `— <name> base64(key ID ‖ timestamp ‖ signature)\n` |
///
/// and, outside the table: 413 for a body over ``maximumBodyBytes``, 503 with `Retry-After: 1` when another
/// request holds the witness lock past ``Witness/lockTimeout``, 500 when the witness cannot read or write its
/// files (nothing is cosigned then). Error bodies are empty; ``WitnessResponse/message`` says why, for the log.
///
/// The check and the update are one critical section under the witness's `flock`, and the new state is
/// `fsync`ed and renamed into place before ``respond(to:)`` returns a 200 (see ``Witness/cosign(checkpointNote:proof:logVerifierKeys:oldSize:)``).
/// `respond(to:)` blocks on the lock and on `fsync`: call it from a thread that may block.
public struct WitnessEndpoint: Sendable {
    /// The default body limit, 16 KiB: room for 63 proof lines (2.8 KiB) and a checkpoint with some 80 signatures;
    /// the limit of transparency-dev/witness.
    public static let defaultMaximumBodyBytes = 16 << 10

    /// The witness that checks and cosigns.
    public let witness: Witness
    /// The largest body accepted; an HTTP layer should stop reading past it and answer 413 itself.
    public let maximumBodyBytes: Int
    /// The log keys the witness is configured with, by origin.
    let trustedLogs: [String: [Ed25519NoteVerifier]]

    /// An endpoint for `witness`.
    ///
    /// A log is known when the witness state has pinned keys for its origin (it cosigned one of its checkpoints
    /// before, for example with `groupledger witness cosign`) or when `logVerifierKeys` has a key for it. The
    /// origin of a configured key is its key name, the convention of C2SP tlog-checkpoint logs (GroupLedger's
    /// key name is its origin). Configured keys are pinned with the first checkpoint cosigned; later, a
    /// configured key that is not pinned yet is pinned from a checkpoint it signed beside a pinned key, and the
    /// pinned keys stay trusted even when no longer configured.
    ///
    /// - Throws: `.badInput` for a key that is not an Ed25519 verifier key.
    public init(
        witness: Witness,
        logVerifierKeys: [String] = [],
        maximumBodyBytes: Int = WitnessEndpoint.defaultMaximumBodyBytes
    ) throws(LedgerError) {
        var logs: [String: [Ed25519NoteVerifier]] = [:]
        for key in try Witness.parseLogKeys(logVerifierKeys) { logs[key.name, default: []].append(key) }
        self.witness = witness
        self.trustedLogs = logs
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Answers one `add-checkpoint` request body.
    public func respond(to body: [UInt8]) -> WitnessResponse {
        guard body.count <= maximumBodyBytes else { return .tooLarge(limit: maximumBodyBytes) }
        do throws(WitnessRejection) {
            let request = try AddCheckpointRequest.parse(body)
            let note: Note
            let checkpoint: Checkpoint
            do {
                note = try Note.parse(request.checkpointNote)
                checkpoint = try Checkpoint(note: note)
            } catch {
                throw WitnessRejection(.malformed, "the checkpoint is not a signed checkpoint note: \(error)")
            }
            let cosigned = try witness.add(
                note,
                checkpoint,
                proof: request.proof,
                oldSize: request.oldSize,
                keys: .configured(trustedLogs[checkpoint.origin] ?? [])
            )
            return .cosigned(cosigned)
        } catch {
            return .rejected(error)
        }
    }
}

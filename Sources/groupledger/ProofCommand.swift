import ArgumentParser
import LedgerCore
import LedgerStorage

struct ProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Check proofs offline, without the ledger: exit 0 valid, 1 invalid with the reason.",
        subcommands: [Verify.self, VerifyConsistency.self]
    )

    /// Parses verifier keys given on the command line.
    static func verifiers(_ vkeys: [String], what: String) throws(LedgerError) -> [any NoteVerifier] {
        var out: [any NoteVerifier] = []
        for vkey in try distinctKeys(vkeys, what: what) {
            do { out.append(try NoteVerifierKey.parse(vkey)) } catch {
                throw LedgerError(.badInput, "\(what) \(vkey) is not a verifier key: \(error)")
            }
        }
        return out
    }

    /// `vkeys` with repeats of one key dropped; two different keys with one name and key ID are refused.
    static func distinctKeys(_ vkeys: [String], what: String) throws(LedgerError) -> [String] {
        do { return try NoteVerifierKey.distinct(vkeys) } catch {
            throw LedgerError(.badInput, "\(what): \(error)")
        }
    }

    /// Prints the verdict and exits 1 when `body` finds the proof invalid.
    static func verdict(_ body: () throws -> String) throws {
        do {
            print("VALID: " + (try body()))
        } catch let invalid as Invalid {
            print("INVALID: \(invalid.reason)")
            throw ExitCode(1)
        }
    }

    struct Invalid: Error { let reason: String }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a c2sp.org/tlog-proof@v1: the checkpoint's signature and the record's inclusion."
        )

        @Argument(help: "The proof file, as written by `groupledger prove inclusion`.")
        var proof: String

        @Option(help: "A verifier key of the log (repeat for a key rotation).")
        var vkey: [String] = []

        @Option(help: "A file holding a verifier key of the log (repeatable), instead of --vkey.")
        var vkeyFile: [String] = []

        @Option(help: "The stored record bytes (`groupledger show SEQ --raw`).")
        var record: String?

        @Option(help: "The record's leaf hash, SHA-256(0x00 ‖ record), in hex.")
        var leafHash: String?

        @Option(help: "A witness verifier key whose cosignature is required (repeatable).")
        var witness: [String] = []

        @Option(help: "How many of the --witness keys must have cosigned.")
        var quorum: Int?

        func validate() throws {
            guard (record == nil) != (leafHash == nil) else {
                throw ValidationError("give exactly one of --record FILE and --leaf-hash HEX")
            }
            if vkey.isEmpty && vkeyFile.isEmpty {
                throw ValidationError("--vkey or --vkey-file is required: the proof is only as good as the key")
            }
            if let quorum, quorum < 1 || quorum > ((try? NoteVerifierKey.distinct(witness))?.count ?? witness.count) {
                throw ValidationError("--quorum must be between 1 and the number of distinct --witness keys")
            }
        }

        func run() throws {
            try Failure.reporting {
                let bytes = try Directory.readFile(proof)
                let leaf: Hash
                if let record {
                    leaf = SHA256().leafHash(try Directory.readFile(record, limit: Record.maxSize))
                } else if let hash = Hash(hex: leafHash!) {
                    leaf = hash
                } else {
                    throw LedgerError(.badInput, "--leaf-hash must be 64 hex digits")
                }
                let logKeys = try ProofCommand.verifiers(vkey + vkeyFile.map(VerifierKeyFile.read), what: "--vkey")
                let witnessKeys = try ProofCommand.verifiers(witness, what: "--witness")
                try ProofCommand.verdict {
                    let parsed: TlogProof
                    do { parsed = try TlogProof.parse(bytes) } catch {
                        throw Invalid(reason: "\(proof) is not a c2sp.org/tlog-proof@v1: \(error)")
                    }
                    do { _ = try parsed.checkpointNote.verify(using: logKeys) } catch {
                        throw Invalid(reason: "the checkpoint is not signed by the given log key: \(error)")
                    }
                    var cosigners: [String] = []
                    if !witnessKeys.isEmpty {
                        do {
                            let required = quorum ?? witnessKeys.count
                            cosigners = try parsed.checkpointNote.verify(using: witnessKeys, minimumVerified: required)
                                .verifiedSignatures.map(\.name)
                        } catch {
                            throw Invalid(reason: "the witness cosignatures do not meet the quorum: \(error)")
                        }
                    }
                    let checkpoint = parsed.checkpoint
                    do {
                        try Merkle.verifyInclusion(
                            leafHash: leaf,
                            index: parsed.index,
                            size: checkpoint.size,
                            proof: parsed.path,
                            root: checkpoint.rootHash,
                            sha: SHA256()
                        )
                    } catch {
                        throw Invalid(
                            reason: "record \(parsed.index) is not proven in the tree of size "
                                + "\(checkpoint.size): \(error)"
                        )
                    }
                    return "record \(parsed.index) is in \(checkpoint.origin) at size \(checkpoint.size)"
                        + (cosigners.isEmpty ? "" : ", cosigned by " + cosigners.joined(separator: ", "))
                }
            }
        }
    }

    struct VerifyConsistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-consistency",
            abstract: "Check that a newer checkpoint extends an older one (the log only grew)."
        )

        @Option(help: "The older signed checkpoint.")
        var old: String

        @Option(help: "The newer signed checkpoint.")
        var new: String

        @Option(help: "The consistency proof: one base64 hash a line (`groupledger prove consistency`).")
        var proof: String

        @Option(help: "A verifier key of the log (repeat for a key rotation).")
        var vkey: [String] = []

        @Option(help: "A file holding a verifier key of the log (repeatable), instead of --vkey.")
        var vkeyFile: [String] = []

        func validate() throws {
            if vkey.isEmpty && vkeyFile.isEmpty { throw ValidationError("--vkey or --vkey-file is required") }
        }

        func run() throws {
            try Failure.reporting {
                let oldBytes = try Directory.readFile(old)
                let newBytes = try Directory.readFile(new)
                let proofText = String(decoding: try Directory.readFile(proof), as: UTF8.self)
                let keys = try ProofCommand.verifiers(vkey + vkeyFile.map(VerifierKeyFile.read), what: "--vkey")
                try ProofCommand.verdict {
                    func open(_ bytes: [UInt8], _ name: String) throws -> Checkpoint {
                        do { return try Checkpoint(note: Note.open(bytes, using: keys).note) } catch {
                            throw Invalid(reason: "\(name) is not a checkpoint signed by the given log key: \(error)")
                        }
                    }
                    let older = try open(oldBytes, old)
                    let newer = try open(newBytes, new)
                    guard older.origin == newer.origin else {
                        throw Invalid(reason: "the checkpoints are of different logs: \(older.origin), \(newer.origin)")
                    }
                    let lines = proofText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                    let hashes: [Hash]
                    do { hashes = try Merkle.proofHashes(base64Lines: lines) } catch {
                        throw Invalid(reason: "\(proof): \(error)")
                    }
                    do {
                        try Merkle.verifyConsistency(
                            oldSize: older.size,
                            newSize: newer.size,
                            oldRoot: older.rootHash,
                            newRoot: newer.rootHash,
                            proof: hashes,
                            sha: SHA256()
                        )
                    } catch {
                        throw Invalid(reason: "size \(newer.size) does not extend size \(older.size): \(error)")
                    }
                    return "\(newer.origin) at size \(newer.size) extends size \(older.size)"
                }
            }
        }
    }
}

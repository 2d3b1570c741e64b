import ArgumentParser
import LedgerCore
import LedgerStorage

/// `groupledger witness …`: run a witness, the second party that cosigns the ledger's checkpoints only when they
/// extend what it cosigned before.
struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a witness that cosigns checkpoints only when they extend what it saw before.",
        discussion: """
            A witness (for example the provincial inspectorate) keeps, per log, the latest checkpoint it \
            cosigned, and refuses a rollback (a smaller tree), a fork (another root at the same size) and a \
            checkpoint whose consistency proof does not verify (C2SP tlog-witness, tlog-cosignature).

            Exit codes: 0 cosigned, 1 refused (rollback, fork, inconsistent proof, or not signed by the pinned \
            log key: the checkpoint must not be trusted), 64 usage, 65 malformed input, 66 input missing, \
            73 cannot create, 74 I/O error or damaged witness files, 75 another cosign run holds the lock.
            """,
        subcommands: [Init.self, Cosign.self, Show.self, Serve.self]
    )

    /// Runs `body`; a refusal exits 1 and a damaged witness 74, other errors as ``Failure/reporting(_:)``.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            Console.error("groupledger: \(error)")
            switch error.code {
            case .refused: throw ExitCode(1)
            case .corrupt: throw ExitCode(74)
            default: throw ExitCode(Failure.exitCode(for: error.code))
            }
        }
    }

    struct Location: ParsableArguments {
        @Option(name: .customLong("dir"), help: "The witness directory.")
        var directory: String
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a witness directory with a new cosigning key; print its verifier key.",
            discussion: """
                Writes cosigner.key (mode 0600; keep it secret and backed up), cosigner.vkey and WITNESS. \
                Standard output is the verifier key alone, to give to whoever checks cosignatures. Refuses an \
                existing witness.
                """
        )

        @OptionGroup var location: Location

        @Option(help: "The witness's name in its cosignatures, e.g. inspectorate.daklak.gov.vn/witness.")
        var name: String

        func run() throws {
            try WitnessCommand.reporting {
                let witness = try Witness.initialize(directory: location.directory, name: name)
                print(witness.vkey)
                Console.error("groupledger: created witness \(name) in \(witness.layout.root)")
            }
        }
    }

    struct Cosign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cosign",
            abstract: "Cosign a checkpoint that extends the last one this witness cosigned for its log.",
            discussion: """
                The checkpoint must be signed by the log's key. The first --log-vkey given for an origin is pinned; \
                later runs may omit it, and a new key is pinned only from a checkpoint signed by it and by a \
                pinned key. The proof file holds the consistency proof from the size the witness last cosigned \
                for the origin (see `witness show`) to the checkpoint's size, one base64 hash per line; it is \
                empty for the first checkpoint of an origin and for a checkpoint of the same size. On success \
                the new state is on disk before the cosigned checkpoint (the submitted note with the witness's \
                cosignature line added) is printed. Exit 1 means the witness refused: do not trust the checkpoint.
                """
        )

        @OptionGroup var location: Location

        @Option(help: "The signed checkpoint note file.")
        var checkpoint: String

        @Option(help: "The consistency proof file: one base64 hash per line, possibly empty.")
        var proof: String

        @Option(name: .customLong("log-vkey"), help: "A verifier key of the log (repeatable; pinned on first use).")
        var logVkeys: [String] = []

        @Option(help: "The size the proof was made from; refused as malformed unless it is the witness's size.")
        var oldSize: UInt64?

        @Flag(help: "Print only the cosignature line (the tlog-witness response body), not the whole note.")
        var signatureOnly = false

        func run() throws {
            try WitnessCommand.reporting {
                let witness = try Witness.open(directory: location.directory)
                let note = try WitnessInput.readCheckpoint(path: checkpoint)
                let hashes = try WitnessInput.readProof(path: proof)
                let result = try witness.cosign(
                    checkpointNote: note,
                    proof: hashes,
                    logVerifierKeys: logVkeys,
                    oldSize: oldSize
                )
                if signatureOnly {
                    print(result.cosignature.line, terminator: "")
                } else {
                    print(String(decoding: result.note.format(), as: UTF8.self), terminator: "")
                }
                let from = result.previousSize.map { "extends size \($0)" } ?? "first checkpoint of this log"
                Console.error(
                    "groupledger: cosigned \(result.checkpoint.origin) at size \(result.checkpoint.size) (\(from))"
                )
                for key in result.newlyPinnedKeys { Console.error("groupledger: pinned log key \(key)") }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the witness's verifier key and, per log, the latest checkpoint it cosigned."
        )

        @OptionGroup var location: Location

        @Option(help: "Print only this log's latest cosigned checkpoint, exactly as recorded (a signed note).")
        var origin: String?

        @Flag(help: "Print one JSON object.")
        var json = false

        func run() throws {
            try WitnessCommand.reporting {
                let witness = try Witness.open(directory: location.directory)
                let state = try witness.state()
                if let origin {
                    guard let log = state.logs[origin] else {
                        throw LedgerError(.notFound, "the witness has never cosigned a checkpoint of \(origin)")
                    }
                    print(String(decoding: log.note.format(), as: UTF8.self), terminator: "")
                    return
                }
                let evidence =
                    Directory.exists(witness.layout.evidenceDirectory)
                    ? try Directory.list(witness.layout.evidenceDirectory, name: "evidence")
                        .filter { !$0.hasSuffix(".tmp") } : []
                if json {
                    Console.printJSON(Self.json(witness, state, evidence: evidence))
                } else {
                    print(Self.text(witness, state, evidence: evidence))
                }
            }
        }

        static func text(_ witness: Witness, _ state: WitnessState, evidence: [String]) -> String {
            var lines = ["witness \(witness.name)", "  vkey      \(witness.vkey)"]
            if state.logs.isEmpty { lines.append("  no checkpoint cosigned yet") }
            for log in state.sortedLogs {
                lines.append("log \(log.origin)")
                lines.append("  size      \(log.checkpoint.size)")
                lines.append("  root      \(log.checkpoint.rootHash.base64)")
                if let cosigned = log.cosignature(by: witness.verifier) {
                    lines.append("  cosigned  \(Timestamp.format(unixMillis: Int64(cosigned.timestamp) * 1000))")
                }
                for key in log.logKeys { lines.append("  log key   \(key)") }
                lines.append("  checkpoint:")
                lines += String(decoding: log.note.format().dropLast(), as: UTF8.self)
                    .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
            }
            if !evidence.isEmpty {
                lines.append("evidence of refused checkpoints in \(witness.layout.evidenceDirectory):")
                lines += evidence.map { "  " + $0 }
            }
            return lines.joined(separator: "\n")
        }

        static func json(_ witness: Witness, _ state: WitnessState, evidence: [String]) -> JSONValue {
            let logs: [JSONValue] = state.sortedLogs.map { log in
                var members: [(key: String, value: JSONValue)] = [
                    ("origin", .string(log.origin)), ("size", .number(JSONNumber(log.checkpoint.size))),
                    ("root", .string(log.checkpoint.rootHash.base64)),
                    ("log_keys", .array(log.logKeys.map { .string($0) })),
                    ("checkpoint", .string(String(decoding: log.note.format(), as: UTF8.self))),
                ]
                if let cosigned = log.cosignature(by: witness.verifier) {
                    members.append(("cosigned_at", .number(JSONNumber(cosigned.timestamp))))
                }
                return .object(JSONObject(members: members))
            }
            return .object(
                JSONObject(members: [
                    ("name", .string(witness.name)), ("vkey", .string(witness.vkey)), ("logs", .array(logs)),
                    ("evidence", .array(evidence.map { .string($0) })),
                ])
            )
        }
    }
}

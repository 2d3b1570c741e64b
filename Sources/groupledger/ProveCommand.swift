import ArgumentParser
import LedgerCore
import LedgerStorage

struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Write proofs that people outside the office can check offline.",
        subcommands: [Inclusion.self, Consistency.self]
    )

    /// The signed checkpoint of `size`: the latest, a stored cosigned one, or a fresh signature (which needs the
    /// writer's key and lock).
    static func checkpoint(
        _ reader: LedgerReader,
        size: UInt64?,
        options: LedgerOptions
    ) throws(LedgerError) -> [UInt8] {
        let latest = try reader.checkpoint()
        guard let size, size != (try reader.head().size) else { return latest }
        if let stored = try CheckpointStore(layout: reader.layout).stored(size: size) { return stored }
        let writer = try Ledger.open(at: reader.layout.root, options: options)
        defer { writer.close() }
        return try writer.signedCheckpoint(size: size)
    }

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove that a record is in the ledger: a c2sp.org/tlog-proof@v1 with the signed checkpoint."
        )

        @OptionGroup var ledger: LedgerLocation

        @OptionGroup var keys: KeyLocation

        @Option(
            name: [.customLong("seq"), .customLong("index")],
            help: "The record's sequence number (0-based leaf index; --index is the older spelling)."
        )
        var index: UInt64

        @Option(help: "The tree size to prove against (default: the latest checkpoint).")
        var size: UInt64?

        @Option(help: "Write the proof to this file instead of standard output.")
        var output: String?

        func run() throws {
            try Failure.reporting {
                let reader = try LedgerReader(root: ledger.path)
                let proof = try TreeRepair.retrying(ledger: ledger.path, options: keys.writerOptions) {
                    () throws(LedgerError) in
                    let note = try ProveCommand.checkpoint(reader, size: size, options: keys.writerOptions)
                    return try ProofBuilder(reader: reader).inclusionProof(index: index, checkpointNote: note)
                }
                try OutputFile.write(proof.format(), to: output)
            }
        }
    }

    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove that the ledger at one size extends it at an earlier size: one base64 hash a line."
        )

        @OptionGroup var ledger: LedgerLocation

        @OptionGroup var keys: KeyLocation

        @Option(help: "The earlier size.")
        var from: UInt64

        @Option(help: "The later size (default: the latest checkpoint).")
        var to: UInt64?

        @Option(help: "Write the proof to this file instead of standard output.")
        var output: String?

        func validate() throws {
            if let to, to < from { throw ValidationError("--to \(to) is smaller than --from \(from)") }
        }

        func run() throws {
            try Failure.reporting {
                let reader = try LedgerReader(root: ledger.path)
                let proof = try TreeRepair.retrying(ledger: ledger.path, options: keys.writerOptions) {
                    () throws(LedgerError) in
                    let note = try ProveCommand.checkpoint(reader, size: to, options: keys.writerOptions)
                    return try ProofBuilder(reader: reader).consistencyProof(from: from, checkpointNote: note)
                }
                try OutputFile.write(Array(proof.map { $0.base64 + "\n" }.joined().utf8), to: output)
            }
        }
    }
}

enum OutputFile {
    /// Writes to `path` atomically, or to standard output when `path` is nil.
    static func write(_ bytes: [UInt8], to path: String?) throws(LedgerError) {
        guard let path else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
            return
        }
        let directory = Directory.parent(of: path)
        try Directory.writeAtomically(bytes, to: path, directory: directory, name: path)
    }
}

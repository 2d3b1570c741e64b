import ArgumentParser
import LedgerCore
import LedgerStorage

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the latest signed checkpoint, or store one that witnesses cosigned.",
        discussion: """
            The checkpoint is a C2SP tlog-checkpoint in a signed note: origin, size and Merkle root, signed with the \
            ledger's key. Save it somewhere the office cannot reach: later, `groupledger verify --checkpoint FILE` \
            proves that the ledger only grew since.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    @Option(help: "Print the stored cosigned checkpoint of this size instead of the latest.")
    var size: UInt64?

    @Option(name: .customLong("add"), help: "Store this witness-cosigned checkpoint beside the ledger.")
    var cosigned: String?

    func validate() throws {
        if size != nil && cosigned != nil { throw ValidationError("--size and --add do not go together") }
    }

    func run() throws {
        try Failure.reporting {
            let reader = try LedgerReader(root: ledger.path)
            let store = CheckpointStore(layout: reader.layout)
            if let cosigned {
                let bytes = try Directory.readFile(cosigned)
                let keys = try LogKeys.load(keys.layout(ledger)).map { $0.verifier as any NoteVerifier }
                let stored = try store.add(bytes, logVerifiers: keys, reader: reader)
                print("stored the cosigned checkpoint of size \(stored) in checkpoints/")
            } else if let size {
                guard let note = try store.stored(size: size) else {
                    throw LedgerError(.notFound, "no cosigned checkpoint of size \(size) is stored in checkpoints/")
                }
                print(String(decoding: note, as: UTF8.self), terminator: "")
            } else {
                print(String(decoding: try reader.checkpoint(), as: UTF8.self), terminator: "")
            }
        }
    }
}

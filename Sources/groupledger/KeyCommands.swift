import ArgumentParser
import LedgerCore
import LedgerStorage

struct VKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vkey",
        abstract: "Print the verifier key(s) that check this ledger's checkpoints (name+keyid+base64)."
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    func run() throws {
        try Failure.reporting {
            let layout = keys.layout(ledger)
            _ = try LedgerMetadata.read(layout)
            for signer in try LogKeys.load(layout) { print(signer.vkey) }
        }
    }
}

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Rotate the ledger's signing key.",
        subcommands: [Rotate.self, Retire.self]
    )

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new signing key; both keys sign until the old one is retired."
        )

        @OptionGroup var ledger: LedgerLocation

        @OptionGroup var keys: KeyLocation

        @Option(help: "Who orders the rotation (kept in the ledger).")
        var actor = "groupledger"

        func run() throws {
            try Failure.reporting {
                let writer = try keys.openWriter(ledger)
                defer { writer.close() }
                let vkey = try writer.rotateKey(actor: actor)
                print("new verifier key (publish it; both keys sign until `groupledger key retire`):")
                print(vkey)
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop signing with a key and delete it; its old checkpoints still verify with its vkey."
        )

        @OptionGroup var ledger: LedgerLocation

        @OptionGroup var keys: KeyLocation

        @Option(help: "The verifier key of the key to retire.")
        var vkey: String

        @Option(help: "Who orders the retirement (kept in the ledger).")
        var actor = "groupledger"

        func run() throws {
            try Failure.reporting {
                let writer = try keys.openWriter(ledger)
                defer { writer.close() }
                try writer.retireKey(vkey: vkey, actor: actor)
                print("retired \(vkey)")
            }
        }
    }
}

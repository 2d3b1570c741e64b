import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

@main
struct GroupLedger: ParsableCommand {
    /// Ignores SIGXFSZ, so that writing past a file-size limit (`ulimit -f`) fails with EFBIG and a message naming
    /// the file, and the partial write is undone, instead of the process being killed mid-write.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "groupledger",
        abstract: "A tamper-evident audit ledger of government work groups on Zalo.",
        discussion: """
            Exit codes: 0 ok, 1 verification failed or ledger damaged, 64 usage, 65 bad input data, \
            66 input missing, 73 cannot create, 74 I/O error, 75 ledger locked by another writer (or served).
            """,
        subcommands: [
            InitCommand.self, AppendCommand.self, ImportCommand.self, VerifyCommand.self, ShowCommand.self,
            LogCommand.self,
            WithholdCommand.self, CheckpointCommand.self, VKeyCommand.self, KeyCommand.self, ProveCommand.self,
            ProofCommand.self, PublishCommand.self, WitnessCommand.self, StateCommand.self, AuditCommand.self,
            CopyCommand.self, ReviewCommand.self, DirectiveCommand.self, DemoCommand.self, ServeCommand.self,
            TokenCommand.self, ExportCommand.self,
        ]
    )
}

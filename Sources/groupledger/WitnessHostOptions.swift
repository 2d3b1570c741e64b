import ArgumentParser
import LedgerCore
import LedgerServer
import LedgerStorage

/// `serve --witness-dir DIR [--witness-log-vkey V …] [--witness-log-vkeys-file F] [--witness-prefix /P]`: `serve`
/// is also a witness for another agency's log, answering C2SP tlog-witness `POST <prefix>/add-checkpoint` on its own
/// listener as `groupledger witness serve` does (docs/WITNESS.md). Not to be confused with `--witness URL`
/// (``WitnessPushOptions``), the witnesses `serve` pushes its own checkpoints to.
struct WitnessHostOptions: ParsableArguments {
    @Option(
        name: .customLong("witness-dir"),
        help: ArgumentHelp(
            "A witness directory (from `groupledger witness init`): also witness another agency's log, answering "
                + "its POST <prefix>/add-checkpoint here without a token, as `witness serve` does.",
            valueName: "dir"
        )
    )
    var directory: String?

    @Option(
        name: .customLong("witness-log-vkey"),
        help: ArgumentHelp(
            "A verifier key of a log that --witness-dir witnesses (repeatable); its key name is the log's origin.",
            valueName: "vkey"
        )
    )
    var logVkeys: [String] = []

    @Option(
        name: .customLong("witness-log-vkeys-file"),
        help: ArgumentHelp(
            "A file of verifier keys of logs --witness-dir witnesses, one per line; empty lines and # lines skipped.",
            valueName: "file"
        )
    )
    var logVkeysFile: String?

    @Option(
        name: .customLong("witness-prefix"),
        help: ArgumentHelp(
            "The submission prefix of --witness-dir, e.g. /daklak: requests go to PREFIX/add-checkpoint "
                + "(default: none, /add-checkpoint).",
            valueName: "path"
        )
    )
    var prefix = ""

    @Option(
        name: .customLong("witness-max-body-bytes"),
        help: "The largest add-checkpoint body, in bytes; a larger one gets 413."
    )
    var maxBodyBytes = WitnessEndpoint.defaultMaximumBodyBytes

    @Option(
        name: .customLong("witness-lock-timeout"),
        help: "Seconds an add-checkpoint request waits for another one holding the witness lock before 503."
    )
    var lockTimeout = 5

    func validate() throws {
        if directory == nil, !logVkeys.isEmpty || logVkeysFile != nil || !prefix.isEmpty {
            throw ValidationError(
                "--witness-log-vkey, --witness-log-vkeys-file and --witness-prefix configure the witness of "
                    + "--witness-dir: give --witness-dir DIR (from `groupledger witness init`)"
            )
        }
        if let problem = WitnessHosting.prefixProblem(prefix) {
            throw ValidationError("--witness-prefix \(prefix) \(problem)")
        }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--witness-max-body-bytes must be at least 1024") }
        guard lockTimeout >= 1 else { throw ValidationError("--witness-lock-timeout is at least 1 second") }
    }

    /// The witness to host, opened, or `nil` without `--witness-dir`.
    ///
    /// - Throws: ``LedgerError``: no witness directory or keys file, a malformed log key, damaged witness files.
    func hosted() throws(LedgerError) -> HostedWitness? {
        guard let directory else { return nil }
        let endpoint = try WitnessHosting(
            directory: directory,
            logVkeys: logVkeys,
            logVkeysFile: logVkeysFile,
            maxBodyBytes: maxBodyBytes,
            lockTimeout: lockTimeout,
            keyOption: "--witness-log-vkey"
        ).endpoint()
        return HostedWitness(endpoint: endpoint, prefix: prefix)
    }
}

import ArgumentParser
import LedgerCore
import LedgerServer
import LedgerStorage

/// `serve --witness URL --witness-vkey V … --witness-quorum K`: the witnesses `serve` pushes its checkpoints to
/// (docs/WITNESS.md).
struct WitnessPushOptions: ParsableArguments {
    @Option(
        name: .customLong("witness"),
        help: ArgumentHelp(
            "A witness's submission prefix, http(s)://HOST[:PORT][/PATH] (repeatable; paired in order with "
                + "--witness-vkey). Checkpoints go to PREFIX/add-checkpoint after each commit.",
            valueName: "url"
        )
    )
    var urls: [String] = []

    @Option(
        name: .customLong("witness-vkey"),
        help: ArgumentHelp(
            "The cosignature verifier key of the witness given at the same place (what its `witness init` printed).",
            valueName: "vkey"
        )
    )
    var vkeys: [String] = []

    @Option(
        name: .customLong("witness-quorum"),
        help: "How many witnesses must cosign a checkpoint before GET /checkpoint serves it (default: all of them)."
    )
    var quorum: Int?

    @Option(
        name: .customLong("witness-timeout"),
        help: "Seconds each add-checkpoint request may take before it counts as failed and is retried."
    )
    var timeout = 5

    func validate() throws {
        guard urls.count == vkeys.count else {
            throw ValidationError(
                "give one --witness-vkey per --witness, in the same order (\(urls.count) URLs, \(vkeys.count) keys)"
            )
        }
        if urls.isEmpty, quorum != nil {
            throw ValidationError("--witness-quorum needs witnesses: give --witness URL --witness-vkey V")
        }
        if let quorum, !(1...urls.count).contains(quorum) {
            throw ValidationError("--witness-quorum must be between 1 and the \(urls.count) witnesses given")
        }
        guard (1...60).contains(timeout) else { throw ValidationError("--witness-timeout must be 1 to 60 seconds") }
        for url in urls where !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.contains("?") {
            throw ValidationError(
                "--witness \(url) is not an http:// or https:// submission prefix (no query); the witness's "
                    + "operator gives it, e.g. https://witness.example/daklak"
            )
        }
        do {
            _ = try peers()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The settings for the server, or `nil` without witnesses.
    func settings() throws(LedgerError) -> WitnessSettings? {
        guard !urls.isEmpty else { return nil }
        let peers = try peers()
        return WitnessSettings(
            peers: peers,
            quorum: quorum ?? peers.count,
            policy: WitnessRetryPolicy(requestTimeout: .seconds(timeout))
        )
    }

    private func peers() throws(LedgerError) -> [WitnessPeer] {
        var peers: [WitnessPeer] = []
        for (url, vkey) in zip(urls, vkeys) { peers.append(try WitnessPeer(url: url, vkey: vkey)) }
        return peers
    }
}

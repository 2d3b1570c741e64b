import Foundation
import LedgerCore
import LedgerStorage

/// What `groupledger witness serve` and `groupledger serve --witness-dir` share to answer C2SP tlog-witness
/// `add-checkpoint` (each with its own option names): the submission prefix's rule, the trusted log keys given
/// inline and in a file, and the witness opened as a ``LedgerStorage/WitnessEndpoint``.
struct WitnessHosting {
    /// The witness directory (from `groupledger witness init`).
    var directory: String
    /// Log verifier keys given one by one.
    var logVkeys: [String]
    /// A file of log verifier keys, one per line.
    var logVkeysFile: String?
    /// The largest body accepted.
    var maxBodyBytes: Int
    /// Seconds a request waits for the witness lock.
    var lockTimeout: Int
    /// The option that gives a log key, named in the warning when there is none.
    var keyOption: String

    /// Why `prefix` is not a submission prefix, or `nil` when it is one: empty, or starting with `/`, not ending
    /// with one, with no `?`, `#`, `%` or space.
    static func prefixProblem(_ prefix: String) -> String? {
        guard !prefix.isEmpty else { return nil }
        guard prefix.hasPrefix("/"), !prefix.hasSuffix("/"), !prefix.contains(where: { "?#% ".contains($0) }) else {
            return "must start with / and not end with one, with no ?, #, % or space (e.g. /daklak)"
        }
        return nil
    }

    /// Opens the witness and the endpoint that answers for it; warns on standard error when no log key is
    /// configured or pinned (every request would be 404).
    ///
    /// - Throws: ``LedgerError``: no witness directory or keys file, a malformed log key, damaged witness files.
    func endpoint() throws(LedgerError) -> WitnessEndpoint {
        let witness = try Witness.open(directory: directory, lockTimeout: .seconds(lockTimeout))
        let keys = try logVkeys + fileKeys()
        let endpoint = try WitnessEndpoint(witness: witness, logVerifierKeys: keys, maximumBodyBytes: maxBodyBytes)
        if keys.isEmpty, try witness.state().logs.isEmpty {
            Console.error(
                "groupledger: warning: no log key is configured or pinned: every add-checkpoint request gets 404; "
                    + "give \(keyOption) with the log's verifier key"
            )
        }
        return endpoint
    }

    /// The keys in the keys file, if one is given: empty lines and lines starting with `#` skipped.
    private func fileKeys() throws(LedgerError) -> [String] {
        guard let logVkeysFile else { return [] }
        let bytes = try Directory.readFile(logVkeysFile, limit: 1 << 20)
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}

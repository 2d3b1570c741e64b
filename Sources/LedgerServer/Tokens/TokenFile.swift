public import LedgerCore
import LedgerStorage

/// The ledger's bearer tokens: `tokens` in the ledger directory, one JSON object per line (`docs/FORMAT.md`).
///
/// Only each token's SHA-256 is stored, so the file lets nobody call the API; it is still written with mode 0600,
/// since it names who may. Every change rewrites the whole file atomically (a temporary file, `fsync`, `rename`,
/// `fsync` of the directory), so a crash leaves the old file or the new one; the server notices a new file at its
/// next request, so `token revoke` takes effect without a restart. Run one `token` command at a time.
public struct TokenFile: Sendable {
    /// The file's path.
    public let path: String
    let directory: String

    /// The largest token file read (a few thousand tokens).
    static let limit = 1 << 20

    /// The token file of the ledger at `root`.
    public init(ledger root: String) {
        let trimmed = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        directory = trimmed
        path = trimmed + "/tokens"
    }

    /// Every token in the file, revoked ones included; none when the file does not exist yet.
    ///
    /// - Throws: ``LedgerError`` `.corrupt` for a line that is not a token, `.io` when the file cannot be read.
    public func load() throws(LedgerError) -> [AccessToken] {
        guard Directory.exists(path) else { return [] }
        let bytes = try Directory.readFile(path, limit: TokenFile.limit, followLinks: false)
        var tokens: [AccessToken] = []
        for (number, line) in bytes.split(separator: 0x0a).enumerated() {
            guard let value = try? JSONParser().parse(line), let token = AccessToken(json: value) else {
                throw LedgerError(
                    .corrupt,
                    "\(path) line \(number + 1) is not a token entry; restore the file from a backup or remove the "
                        + "line (its token then stops working)"
                )
            }
            tokens.append(token)
        }
        return tokens
    }

    /// Makes a new token for `name` and stores its digest.
    ///
    /// - Returns: the token, which is stored nowhere: show it once.
    /// - Throws: ``LedgerError`` `.badInput` for a name that is taken (revoked names too: the access log must keep
    ///   meaning one holder) or not a valid identifier; `.missingInput` when `root` is not a ledger.
    public func add(name: String, role: TokenRole, now: Int64) throws(LedgerError) -> String {
        if let problem = EnvelopeRules.identifierProblem(name) {
            throw LedgerError(.badInput, "the token name \(problem)")
        }
        guard Directory.exists(directory + "/LEDGER") else {
            throw LedgerError(.missingInput, "\(directory) is not a ledger (no LEDGER file); run groupledger init")
        }
        var tokens = try load()
        guard !tokens.contains(where: { $0.name == name }) else {
            throw LedgerError(.badInput, "a token named \(name) exists already; choose another name")
        }
        let token = "glt_" + Hex.encode(SecureRandom.bytes(32))
        tokens.append(
            AccessToken(
                name: name,
                role: role,
                digest: SHA256().hash(Array(token.utf8)),
                created: Timestamp.format(unixMillis: now)
            )
        )
        try save(tokens)
        return token
    }

    /// Revokes the token named `name`; requests carrying it are refused from then on.
    ///
    /// - Throws: ``LedgerError`` `.notFound` when no token has that name; revoking twice is not an error.
    public func revoke(name: String, now: Int64) throws(LedgerError) {
        var tokens = try load()
        guard let index = tokens.firstIndex(where: { $0.name == name }) else {
            throw LedgerError(.notFound, "no token is named \(name); `groupledger token list` shows the names")
        }
        if tokens[index].revoked == nil { tokens[index].revoked = Timestamp.format(unixMillis: now) }
        try save(tokens)
    }

    private func save(_ tokens: [AccessToken]) throws(LedgerError) {
        var bytes: [UInt8] = []
        for token in tokens {
            bytes += JCS.serialize(token.json)
            bytes.append(0x0a)
        }
        try Directory.writeAtomically(bytes, to: path, directory: directory, name: "tokens", permissions: 0o600)
    }
}

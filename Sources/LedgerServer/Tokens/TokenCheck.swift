import LedgerCore
import LedgerStorage
import Synchronization

/// Finds the token a request presents, rereading the token file when it was replaced (a `token add` or `token
/// revoke` while the server runs).
final class TokenCheck: Sendable {
    /// What a request's `Authorization` header proved.
    enum Outcome: Equatable {
        case valid(AccessToken)
        /// No bearer token, an unknown one, or a revoked one: all three are 401 (the reason is logged, not sent).
        case refused(String)
    }

    private struct Cache {
        var identity: FileIdentity?
        var tokens: [AccessToken] = []
    }

    private let file: TokenFile
    private let cache = Mutex(Cache())

    init(file: TokenFile) { self.file = file }

    /// Checks `header`, the value of `Authorization` (`Bearer <token>`).
    ///
    /// Every stored digest is compared, in constant time, with the digest of the presented token, so the time
    /// taken does not tell how much of a token was right.
    func check(_ header: String?) throws(LedgerError) -> Outcome {
        guard let header else { return .refused("no bearer token") }
        var value = Array(header.utf8)[...]
        guard value.count > 7,
            value.prefix(7).map({ (0x41...0x5a).contains($0) ? $0 | 0x20 : $0 }) == Array("bearer ".utf8)
        else {
            return .refused("no bearer token")
        }
        value = value.dropFirst(7)
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        return try check(token: value)
    }

    /// Checks a token as presented (the web view's login form sends it without `Bearer`).
    func check(token: some Collection<UInt8>) throws(LedgerError) -> Outcome {
        let presented = SHA256().hash(Array(token))
        var found: AccessToken?
        for token in try current() where token.matches(presented) { found = token }
        guard let found else { return .refused("unknown token") }
        if found.revoked != nil { return .refused("revoked token \(found.name)") }
        return .valid(found)
    }

    /// The token whose SHA-256 is `digest` while it is in the file and not revoked; `nil` once it is revoked or
    /// gone (a web view session opened with it then ends).
    func active(_ digest: Hash) throws(LedgerError) -> AccessToken? {
        var found: AccessToken?
        for token in try current() where token.matches(digest) { found = token }
        return found?.revoked == nil ? found : nil
    }

    /// The file's tokens, read again when its inode, size or modification time differ from the last reading.
    private func current() throws(LedgerError) -> [AccessToken] {
        let identity = FileIdentity(path: file.path)
        if let identity, let tokens = cache.withLock({ $0.identity == identity ? $0.tokens : nil }) {
            return tokens
        }
        let tokens = try file.load()
        cache.withLock { $0 = Cache(identity: identity, tokens: tokens) }
        return tokens
    }
}

import LedgerCore
import Synchronization

/// The web view's sessions, in memory only (a restart signs everyone out). A session id is 256 random bits sent
/// in the `gl_session` cookie; the store keeps only each id's SHA-256, so a memory dump names no usable cookie.
final class SessionStore: Sendable {
    /// The longest a session lasts, however busy.
    let lifetime: Duration
    /// A session without a request for this long ends.
    let idleTimeout: Duration
    /// The most sessions held; a new one past it first drops the expired ones, then the oldest.
    let capacity: Int
    private let sessions = Mutex<[Hash: WebSession]>([:])

    init(lifetime: Duration, idleTimeout: Duration, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.idleTimeout = idleTimeout
        self.capacity = capacity
    }

    /// Opens a session for `holder` and returns its id, the cookie's value (64 hex digits).
    func open(holder: String, tokenDigest: Hash?, now: ContinuousClock.Instant = .now) -> String {
        let id = Hex.encode(SecureRandom.bytes(32))
        let session = WebSession(holder: holder, tokenDigest: tokenDigest, started: now, lastSeen: now)
        sessions.withLock { sessions in
            if sessions.count >= capacity {
                sessions = sessions.filter { !expired($0.value, now) }
                if sessions.count >= capacity, let oldest = sessions.min(by: { $0.value.started < $1.value.started }) {
                    sessions[oldest.key] = nil
                }
            }
            sessions[SessionStore.key(id)] = session
        }
        return id
    }

    /// The live session of cookie value `id`, its last request moved to `now`; `nil` (and the session dropped)
    /// when it does not exist or has expired.
    func session(_ id: String, now: ContinuousClock.Instant = .now) -> WebSession? {
        let key = SessionStore.key(id)
        return sessions.withLock { sessions in
            guard var session = sessions[key] else { return nil }
            guard !expired(session, now) else {
                sessions[key] = nil
                return nil
            }
            session.lastSeen = now
            sessions[key] = session
            return session
        }
    }

    /// Ends the session of cookie value `id`, if any.
    func close(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: SessionStore.key(id)) }
    }

    /// How many sessions are held (expired ones not yet dropped included).
    var count: Int { sessions.withLock { $0.count } }

    private func expired(_ session: WebSession, _ now: ContinuousClock.Instant) -> Bool {
        now - session.started >= lifetime || now - session.lastSeen >= idleTimeout
    }

    private static func key(_ id: String) -> Hash { SHA256().hash(Array(id.utf8)) }
}

import LedgerCore

/// One signed-in reader of the web view.
struct WebSession: Sendable {
    /// Who it is, as the access log names them: the token's name, or `login-link` for the one-time link.
    let holder: String
    /// The SHA-256 of the auditor token it was opened with; `nil` for the one-time link. The session ends when that
    /// token is revoked.
    let tokenDigest: Hash?
    /// When it began; it ends ``SessionStore/lifetime`` later at the latest.
    let started: ContinuousClock.Instant
    /// Its last request; it ends after ``SessionStore/idleTimeout`` without one.
    var lastSeen: ContinuousClock.Instant
}

/// What the web view keeps between requests: the sessions, and the one-time login link when `serve` printed one.
struct WebAccess: Sendable {
    let sessions: SessionStore
    let loginLink: OneTimeLogin?
}

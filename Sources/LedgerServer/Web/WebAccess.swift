/// What the web view keeps between requests: the sessions, the one-time login link when `serve` printed one, and
/// the newest anchor the province page shows.
struct WebAccess: Sendable {
    let sessions: SessionStore
    let loginLink: OneTimeLogin?
    let anchors = AnchorCache()
}

/// A link found in the text: where it is and its host, lowercased, without port, user name or trailing dot.
struct LinkOccurrence: Sendable {
    /// Character positions of the whole link as written.
    let range: Range<Int>
    /// The host the link leads to: for `http://chinhphu.vn@evil.com/x` that is `evil.com`.
    let host: String
}

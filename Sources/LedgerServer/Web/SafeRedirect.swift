/// Where a login may send the reader back to: the `next` parameter, accepted only as a path of this site.
enum SafeRedirect {
    /// `next` when it is a same-site relative path (`/records/4?lang=en`); otherwise `/`.
    ///
    /// Refused: anything not starting with one `/` (`https://…`, `//host`, `/\host`, which browsers read as another
    /// site), any backslash, and any byte outside printable ASCII (a browser sends a path percent-encoded).
    static func target(_ next: String?) -> String {
        guard let next, next.utf8.count <= 2048, next.hasPrefix("/"), !next.hasPrefix("//"),
            next.utf8.allSatisfy({ (0x21...0x7e).contains($0) && $0 != UInt8(ascii: "\\") })
        else { return "/" }
        return next
    }
}

import LedgerCore

/// Event ids built from a source's own ids, so that importing the same input twice, or a backfill that overlaps
/// live capture, adds nothing (`domain-zalo.md` §4).
enum IdempotencyKey {
    /// `prefix:part:part:…:tail` where `tail` is the members joined by `,` (sorted by the caller when order does not
    /// matter). When that would pass the 256-byte id limit, the tail becomes `sha256-` and the hex digest of its
    /// text, and if the id is still too long, everything after the prefix does: the id stays a function of the
    /// source's ids.
    static func make(_ prefix: String, _ parts: [String], tail: [String] = [], sha: SHA256) -> String {
        let key = ([prefix] + parts).joined(separator: ":")
        let joined = tail.joined(separator: ",")
        let full = tail.isEmpty ? key : key + ":" + joined
        if full.utf8.count <= EnvelopeRules.maxIdentifierBytes { return full }
        if !tail.isEmpty {
            let hashedTail = key + ":sha256-" + sha.hash(Array(joined.utf8)).hex
            if hashedTail.utf8.count <= EnvelopeRules.maxIdentifierBytes { return hashedTail }
        }
        return prefix + ":sha256-" + sha.hash(Array(full.utf8)).hex
    }
}

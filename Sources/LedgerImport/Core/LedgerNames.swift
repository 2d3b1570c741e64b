/// How imported events name groups in the ledger.
enum LedgerNames {
    /// A Zalo group seen by a personal account (zca-js, Zalo Web): `g-` and Zalo's group id, as in
    /// `docs/EVENTS.md` (`g-7301128844556677001`).
    static func group(_ zaloGroupId: String) -> String { "g-" + zaloGroupId }

    /// An OA-owned (GMF) group: `g-oa-` and the opaque id the OA API gives it, which differs from the id the same
    /// group has for personal accounts.
    static func oaGroup(_ oaGroupId: String) -> String { "g-oa-" + oaGroupId }
}

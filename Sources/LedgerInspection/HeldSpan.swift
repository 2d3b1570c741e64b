/// The records after which something held: from record `from` (included) up to record `to` (excluded; `nil`: it
/// still holds).
struct HeldSpan: Sendable, Hashable {
    let from: UInt64
    let to: UInt64?

    /// The part of this span inside `other`, or `nil` when they do not meet.
    func clipped(to other: HeldSpan) -> HeldSpan? {
        let start = max(from, other.from)
        let end: UInt64? =
            switch (to, other.to) {
            case (nil, nil): nil
            case (let end?, nil), (nil, let end?): end
            case (let one?, let two?): min(one, two)
            }
        if let end, end <= start { return nil }
        return HeldSpan(from: start, to: end)
    }

    /// The spans in which `holds` is true of a sequence of states, given as the record each state starts at (in
    /// ledger order) and whether it holds there.
    static func spans(_ states: some Sequence<(seq: UInt64, holds: Bool)>) -> [HeldSpan] {
        var spans: [HeldSpan] = []
        var start: UInt64?
        for state in states {
            if state.holds, start == nil { start = state.seq }
            if !state.holds, let from = start {
                spans.append(HeldSpan(from: from, to: state.seq))
                start = nil
            }
        }
        if let start { spans.append(HeldSpan(from: start, to: nil)) }
        return spans
    }
}

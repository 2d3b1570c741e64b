import GroupDomain

extension GroupHistory {
    /// The spans in which `person` headed the group: a new appointment of the same head continues the span.
    func headSpans(of person: String) -> [HeldSpan] {
        HeldSpan.spans(versions.lazy.map { (seq: $0.seq, holds: $0.group.head?.holder == person) })
    }
}

extension KeyedHistory {
    /// The spans in which `key` held a value: from the record that gave it one to the record that removed it (a
    /// change of value on the way, such as a new appointment, continues the span).
    func spans(of key: String) -> [HeldSpan] {
        HeldSpan.spans((changes[key] ?? []).lazy.map { (seq: $0.seq, holds: $0.value != nil) })
    }
}

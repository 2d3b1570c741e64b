import GroupDomain
import LedgerCore

/// The full-text index: for each word in ``GroupDomain/SearchFolding`` form, the records that contain it,
/// ascending.
///
/// Words from the envelope (ids, the actor, the group, `data` values such as a person's position and unit) and
/// words from the erasable `content` (names, post text) are kept apart, so that a withholding removes the record
/// from the content words only: once a record's content is withheld, no word of it can find the record, and the
/// index (and so a saved snapshot) no longer holds its words at all.
struct TextIndex: Sendable, Equatable {
    /// Words of the envelope.
    private(set) var envelope = WordIndex()
    /// Words of the content.
    private(set) var content = WordIndex()

    init() {}

    /// Resumes an index saved earlier.
    init(envelope: PostingTable, content: PostingTable) {
        self.envelope = WordIndex(saved: envelope)
        self.content = WordIndex(saved: content)
    }

    /// Adds the words of `recorded` (its content only when the ledger still holds it).
    mutating func add(_ recorded: RecordedEvent, folding: inout SearchFolding) {
        let event = recorded.event
        var envelopeTexts = [event.id, event.actor, event.type]
        if let group = event.group { envelopeTexts.append(group) }
        if let data = event.data { Self.collectStrings(data, into: &envelopeTexts) }
        for text in envelopeTexts {
            for word in folding.words(of: text) { envelope.add(word, recorded.seq) }
        }
        guard !recorded.isWithheld, let body = event.content else { return }
        var contentTexts: [String] = []
        Self.collectStrings(body, into: &contentTexts)
        for text in contentTexts {
            for word in folding.words(of: text) { content.add(word, recorded.seq) }
        }
    }

    /// Drops record `seq` from every content word, and the words no other record holds.
    mutating func forgetContent(of seq: UInt64) {
        content.forget(seq)
    }

    /// Folds what was added since the last save into the saved tables, ready for the next snapshot (and smaller
    /// in memory than the dictionaries the additions live in).
    mutating func seal() {
        envelope.seal()
        content.seal()
    }

    /// The records holding every one of `words` (in the envelope or the content), ascending.
    func records(withAll words: [String]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let lists = Set(words).map { word in
            envelope.records(of: word).mergedSorted(with: content.records(of: word))
        }
        .sorted { $0.count < $1.count }
        return lists.dropFirst().reduce(lists[0]) { found, list in found.intersectedSorted(with: list) }
    }

    /// Every string inside `value` (object members' values, array items), in order.
    private static func collectStrings(_ value: JSONValue, into texts: inout [String]) {
        if let text = value.stringValue {
            texts.append(text)
        } else if let items = value.arrayValue {
            for item in items { collectStrings(item, into: &texts) }
        } else if let object = value.objectValue {
            for member in object.members { collectStrings(member.value, into: &texts) }
        }
    }
}

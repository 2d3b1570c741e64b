import Foundation

/// One half of the ``TextIndex`` (the envelope's words or the content's): the words saved in the snapshot the
/// model resumed from, the words of the records applied since, and the saved records a withholding took out of
/// it. ``sealed()`` folds the three into one table, as the next snapshot saves it.
struct WordIndex: Sendable {
    /// The words as saved.
    private var saved = PostingTable.empty
    /// The words of the records applied after the saved ones.
    private var added: [String: [UInt64]] = [:]
    /// Records no word may find any more (withheld content), among the saved ones.
    private var forgotten: Set<UInt64> = []

    init() {}

    /// An index resuming from `saved`.
    init(saved: PostingTable) { self.saved = saved }

    /// Notes that record `seq` (later than every record noted before) holds `word`.
    mutating func add(_ word: String, _ seq: UInt64) {
        added[Self.canonical(word), default: []].appendOnce(seq)
    }

    /// The records holding `word`, ascending.
    func records(of word: String) -> [UInt64] {
        let word = Self.canonical(word)
        var found = saved.records(of: word)
        if !forgotten.isEmpty { found.removeAll { forgotten.contains($0) } }
        guard let later = added[word] else { return found }
        return found + later
    }

    /// Takes record `seq` out of every word, and drops the words no other record holds.
    mutating func forget(_ seq: UInt64) {
        forgotten.insert(seq)
        var emptied: [String] = []
        for index in added.indices {
            let position = added.values[index].firstPosition(notBelow: seq)
            guard position < added.values[index].count, added.values[index][position] == seq else { continue }
            added.values[index].remove(at: position)
            if added.values[index].isEmpty { emptied.append(added.keys[index]) }
        }
        for word in emptied { added[word] = nil }
    }

    /// Every word in one table: the saved words without the forgotten records, merged with the added words.
    func sealed() -> PostingTable {
        guard !added.isEmpty || !forgotten.isEmpty else { return saved }
        let later = added.map { (word: Array($0.key.utf8), records: $0.value) }.sorted {
            PostingTable.precedes($0.word, $1.word)
        }
        var writer = PostingTable.Writer()
        var next = 0
        saved.forEach { word, records in
            while next < later.count, PostingTable.precedes(later[next].word, word) {
                writer.append(word: later[next].word, records: later[next].records)
                next += 1
            }
            var records = records
            if !forgotten.isEmpty { records.removeAll { forgotten.contains($0) } }
            if next < later.count, later[next].word == word {
                records += later[next].records
                next += 1
            }
            if !records.isEmpty { writer.append(word: word, records: records) }
        }
        for entry in later[next...] { writer.append(word: entry.word, records: entry.records) }
        return writer.table
    }

    /// Folds the added words and the forgotten records into the saved table.
    mutating func seal() {
        saved = sealed()
        added = [:]
        forgotten = []
    }
}

extension WordIndex {
    /// `word` in Unicode normalisation form C. The saved table compares words byte by byte, so a word must have
    /// one spelling however it was typed: the search folding takes the Vietnamese marks off, but another letter
    /// with a mark (`ñ`) may come precomposed or decomposed.
    static func canonical(_ word: String) -> String {
        word.utf8.allSatisfy { $0 < 0x80 } ? word : word.precomposedStringWithCanonicalMapping
    }
}

extension WordIndex: Equatable {
    /// The same words with the same records, however they are split between saved and added.
    static func == (left: WordIndex, right: WordIndex) -> Bool {
        left.sealed().bytes == right.sealed().bytes
    }
}

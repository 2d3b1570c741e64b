/// A compiled list of words and phrases, matched on whole ``WordToken``s: a phrase matches consecutive tokens whose
/// keys equal its syllables, with only spaces (or one `_`/`-`) between them (``AnalysedText/isPhraseGap(_:)``).
///
/// A term therefore never matches inside a longer word ("mật" is not found in "mậtt" or "mật123") nor across
/// punctuation or a line break. Comparison uses ``SyllableKey``: case, NFC/NFD, tone placement and Ð/Đ are ignored;
/// diacritics are not.
struct PhraseIndex: Sendable {
    /// One term.
    struct Entry: Sendable {
        /// The syllables to match.
        let syllables: [SyllableKey]
        /// The term as configured, reported in matches.
        let term: String
        /// A value the owner attaches (a list index, a group index).
        let tag: Int
    }

    /// Where a term occurs: the entry and the token range.
    struct Occurrence: Sendable {
        let entry: Int
        let tokens: Range<Int>
    }

    private(set) var entries: [Entry] = []
    /// Entry indices by first syllable, longest phrase first (ties in insertion order).
    private var byFirstSyllable: [SyllableKey: [Int]] = [:]

    init() {}

    /// An index of `terms`, tagged with their positions in the array.
    init(_ terms: [String]) {
        for (position, term) in terms.enumerated() { add(term, tag: position) }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Adds a term; a term that is not a phrase of whole words (see ``syllables(of:)``) is ignored.
    mutating func add(_ term: String, tag: Int) {
        guard let syllables = Self.syllables(of: term) else { return }
        let entry = entries.count
        entries.append(Entry(syllables: syllables, term: term, tag: tag))
        var bucket = byFirstSyllable[syllables[0], default: []]
        let slot = bucket.firstIndex { entries[$0].syllables.count < syllables.count } ?? bucket.endIndex
        bucket.insert(entry, at: slot)
        byFirstSyllable[syllables[0]] = bucket
    }

    /// The syllables of a term, or `nil` when the term is not one or more whole words separated by spaces (or a
    /// single `_`/`-`), e.g. `""`, `"!!"`, `"đ/c"` or `"mật,"`.
    static func syllables(of term: String) -> [SyllableKey]? {
        var text = AnalysedText(term)
        text.tokenize()
        let tokens = text.tokens
        guard let first = tokens.first, let last = tokens.last else { return nil }
        guard text.skipSpaces(before: first.range.lowerBound) < 0,
            text.skipSpaces(from: last.range.upperBound) == text.count
        else { return nil }
        for (left, right) in zip(tokens, tokens.dropFirst())
        where !text.isPhraseGap(left.range.upperBound..<right.range.lowerBound) {
            return nil
        }
        return tokens.map(\.key)
    }

    /// Every entry that matches at token `start`, longest first, with the end of its token range.
    func matches(at start: Int, in text: AnalysedText) -> [(entry: Int, end: Int)] {
        let tokens = text.tokens
        guard let bucket = byFirstSyllable[tokens[start].key] else { return [] }
        var found: [(entry: Int, end: Int)] = []
        for entry in bucket {
            let syllables = entries[entry].syllables
            let end = start + syllables.count
            guard end <= tokens.count else { continue }
            var matched = true
            for offset in 1..<syllables.count {
                let token = start + offset
                guard tokens[token].key == syllables[offset],
                    text.isPhraseGap(tokens[token - 1].range.upperBound..<tokens[token].range.lowerBound)
                else {
                    matched = false
                    break
                }
            }
            if matched { found.append((entry, end)) }
        }
        return found
    }

    /// Every occurrence of every entry, overlapping ones included.
    func allOccurrences(in text: AnalysedText) -> [Occurrence] {
        guard !entries.isEmpty else { return [] }
        var found: [Occurrence] = []
        for start in text.tokens.indices {
            for (entry, end) in matches(at: start, in: text) {
                found.append(Occurrence(entry: entry, tokens: start..<end))
            }
        }
        return found
    }

    /// The non-overlapping occurrences found left to right, taking at each token the longest entry that `accept`
    /// allows (``PhraseCover/cancels(_:)`` is the usual test).
    func leftmostLongest(
        in text: AnalysedText,
        accept: (Occurrence) -> Bool = { _ in true }
    ) -> [Occurrence] {
        guard !entries.isEmpty else { return [] }
        var found: [Occurrence] = []
        var start = 0
        while start < text.tokens.count {
            var next = start + 1
            for (entry, end) in matches(at: start, in: text) {
                let occurrence = Occurrence(entry: entry, tokens: start..<end)
                guard accept(occurrence) else { continue }
                found.append(occurrence)
                next = end
                break
            }
            start = next
        }
        return found
    }
}

/// A compiled list of words and phrases, matched on whole ``WordToken``s: a phrase matches consecutive tokens whose
/// syllables are its syllables, with only spaces (or one `_`/`-`) between them (``AnalysedText/isPhraseGap(_:)``).
///
/// A term therefore never matches inside a longer word ("mật" is not found in "mậtt" or "mật123") nor across
/// punctuation or a line break. Syllables are numbers from the matcher's ``SyllableVocabulary``, equal when their
/// ``SyllableKey``s are: case, NFC/NFD, tone placement and Ð/Đ are ignored; diacritics are not.
struct PhraseIndex: Sendable {
    /// One term.
    struct Entry: Sendable {
        /// The syllables to match.
        let syllables: [Int32]
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
    private var byFirstSyllable: [[Int]] = []

    init() {}

    /// An index of `terms`, tagged with their positions in the array, numbering their syllables in `vocabulary`.
    init(_ terms: [String], vocabulary: inout SyllableVocabulary) {
        for (position, term) in terms.enumerated() { add(term, tag: position, vocabulary: &vocabulary) }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Adds a term, numbering its syllables in `vocabulary`; a term that is not a phrase of whole words (see
    /// ``isPhrase(_:)``) is ignored.
    mutating func add(_ term: String, tag: Int, vocabulary: inout SyllableVocabulary) {
        guard let syllables = Self.syllables(of: term, vocabulary: &vocabulary) else { return }
        let entry = entries.count
        entries.append(Entry(syllables: syllables, term: term, tag: tag))
        let first = Int(syllables[0])
        if byFirstSyllable.count <= first {
            byFirstSyllable += Array(repeating: [], count: first + 1 - byFirstSyllable.count)
        }
        let slot =
            byFirstSyllable[first].firstIndex { entries[$0].syllables.count < syllables.count }
            ?? byFirstSyllable[first].endIndex
        byFirstSyllable[first].insert(entry, at: slot)
    }

    /// Whether `term` is one or more whole words separated by spaces (or a single `_`/`-`); `""`, `"!!"`, `"đ/c"` or
    /// `"mật,"` are not.
    static func isPhrase(_ term: String) -> Bool {
        var vocabulary = SyllableVocabulary()
        return syllables(of: term, vocabulary: &vocabulary) != nil
    }

    /// The syllables of a term, numbered in `vocabulary`, or `nil` when the term is not a phrase (``isPhrase(_:)``).
    private static func syllables(of term: String, vocabulary: inout SyllableVocabulary) -> [Int32]? {
        var text = AnalysedText(term)
        text.tokenize(vocabulary)
        let tokens = text.tokens
        guard let first = tokens.first, let last = tokens.last else { return nil }
        guard text.skipSpaces(before: first.range.lowerBound) < 0,
            text.skipSpaces(from: last.range.upperBound) == text.count
        else { return nil }
        for (left, right) in zip(tokens, tokens.dropFirst())
        where !text.isPhraseGap(left.range.upperBound..<right.range.lowerBound) {
            return nil
        }
        return tokens.map { vocabulary.insert(text.spelling(of: $0.range)) }
    }

    /// The first entry, longest first, that matches at token `start` and that `accept` takes, with the end of its
    /// token range; `nil` when `accept` takes none. (`accept` may also record every match and take none.)
    @inline(__always)
    func firstMatch(
        at start: Int,
        in text: borrowing AnalysedText,
        where accept: (_ entry: Int, _ end: Int) -> Bool
    ) -> (entry: Int, end: Int)? {
        let first = Int(text.tokens[start].syllable)
        guard first >= 0, first < byFirstSyllable.count else { return nil }
        for entry in byFirstSyllable[first] {
            let syllables = entries[entry].syllables
            let end = start + syllables.count
            guard end <= text.tokens.count else { continue }
            var matched = true
            for offset in 1..<syllables.count {
                let token = start + offset
                guard text.tokens[token].syllable == syllables[offset],
                    text.isPhraseGap(text.tokens[token - 1].range.upperBound..<text.tokens[token].range.lowerBound)
                else {
                    matched = false
                    break
                }
            }
            if matched, accept(entry, end) { return (entry, end) }
        }
        return nil
    }

    /// Every occurrence of every entry, overlapping ones included.
    func allOccurrences(in text: borrowing AnalysedText) -> [Occurrence] {
        guard !entries.isEmpty else { return [] }
        var found: [Occurrence] = []
        for start in 0..<text.tokens.count {
            _ = firstMatch(at: start, in: text) { entry, end in
                found.append(Occurrence(entry: entry, tokens: start..<end))
                return false
            }
        }
        return found
    }

    /// The non-overlapping occurrences found left to right, taking at each token the longest entry that `accept`
    /// allows (``PhraseCover/cancels(_:)`` is the usual test).
    func leftmostLongest(in text: borrowing AnalysedText, accept: (Occurrence) -> Bool) -> [Occurrence] {
        guard !entries.isEmpty else { return [] }
        var found: [Occurrence] = []
        var start = 0
        while start < text.tokens.count {
            if let (entry, end) = firstMatch(
                at: start,
                in: text,
                where: { accept(Occurrence(entry: $0, tokens: start..<$1)) }
            ) {
                found.append(Occurrence(entry: entry, tokens: start..<end))
                start = end
            } else {
                start += 1
            }
        }
        return found
    }
}

/// R7a: finds classification stamps ("dấu chỉ độ mật") in the word tokens, following
/// ``MatchConfiguration/Stamps``.
///
/// In order:
/// 1. **Labelled**: a label ("Độ mật") followed by optional spaces, an optional `:`/`-`/`–`/`—`/`=`, an optional
///    opening quote, and a level in any case ("Độ mật: Tối mật", "ĐỘ MẬT - “MẬT”"). The match runs from the label
///    to the level (and its closing quote).
/// 2. **Phrases and levels**, left to right, longest first: a phrase counts in any case; a level counts when it is
///    quoted or bracketed on both sides (the match then includes the quote marks) or when all its letters are
///    capitals. A false friend or an unused label overlapping the candidate cancels it.
///
/// So "mật" alone in lowercase or title case, unquoted and unlabelled, never counts; nor does "mật" inside a longer
/// word, a false friend in any case ("MẬT KHẨU", "GIẢI MẬT"), or a stamp written without diacritics.
struct StampMatcher: Sendable {
    /// Levels (tags `0..<levelCount`) and phrases (tags from `levelCount`).
    private let candidates: PhraseIndex
    private let levelCount: Int
    private let labels: PhraseIndex
    private let falseFriends: PhraseIndex

    init(_ settings: MatchConfiguration.Stamps, vocabulary: inout SyllableVocabulary) {
        var candidates = PhraseIndex()
        for (position, level) in settings.levels.enumerated() {
            candidates.add(level, tag: position, vocabulary: &vocabulary)
        }
        for (position, phrase) in settings.phrases.enumerated() {
            candidates.add(phrase, tag: settings.levels.count + position, vocabulary: &vocabulary)
        }
        self.candidates = candidates
        self.levelCount = settings.levels.count
        self.labels = PhraseIndex(settings.labels, vocabulary: &vocabulary)
        self.falseFriends = PhraseIndex(settings.falseFriends, vocabulary: &vocabulary)
    }

    /// Quote marks and brackets that may open a quoted level.
    static let openers = CharacterChoice([
        "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "(", "[", "{", "「", "『", "《", "〈",
    ])
    /// Quote marks and brackets that may close a quoted level.
    static let closers = CharacterChoice([
        "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", ")", "]", "}", "」", "』", "》", "〉",
    ])
    /// Separators allowed between a label and its level.
    static let labelSeparators = CharacterChoice([":", "-", "–", "—", "="])

    func matches(in text: borrowing AnalysedText) -> [TextMatch] {
        let tokens = text.tokens
        guard !tokens.isEmpty, !candidates.isEmpty else { return [] }
        let labelOccurrences = labels.allOccurrences(in: text)
        let cover = PhraseCover(falseFriends, in: text, extra: labelOccurrences.map { $0.tokens })
        // The tokens of labelled stamps, which the phrases and levels may not reuse; empty when no label occurs.
        var used = labelOccurrences.isEmpty ? [] : Array(repeating: false, count: tokens.count)
        var found: [TextMatch] = []

        for label in labelOccurrences where !label.tokens.contains(where: { used[$0] }) {
            guard let (level, characters) = levelAfter(label.tokens, in: text, cover: cover) else { continue }
            found.append(stamp(candidates.entries[level.entry].term, characters, in: text))
            for token in label.tokens.lowerBound..<level.tokens.upperBound { used[token] = true }
        }

        var start = 0
        while start < tokens.count {
            let match = candidates.firstMatch(at: start, in: text) { entry, end in
                let range = start..<end
                guard used.isEmpty || !range.contains(where: { used[$0] }), !cover.cancels(range) else { return false }
                let isLevel = candidates.entries[entry].tag < levelCount
                return !isLevel || range.allSatisfy({ tokens[$0].isUppercase })
                    || quotedRange(text.characterRange(ofTokens: range), in: text) != nil
            }
            guard let (entry, end) = match else {
                start += 1
                continue
            }
            let words = text.characterRange(ofTokens: start..<end)
            found.append(stamp(candidates.entries[entry].term, quotedRange(words, in: text) ?? words, in: text))
            start = end
        }
        return found
    }

    /// The level that follows a label, and the characters from the label's start to the level's end.
    private func levelAfter(
        _ label: Range<Int>,
        in text: borrowing AnalysedText,
        cover: PhraseCover
    ) -> (level: PhraseIndex.Occurrence, characters: Range<Int>)? {
        let tokens = text.tokens
        let next = label.upperBound
        guard next < tokens.count else { return nil }
        var position = text.skipSpaces(from: tokens[label.upperBound - 1].range.upperBound)
        if position < text.count, Self.labelSeparators.contains(position, in: text) {
            position = text.skipSpaces(from: position + 1)
        }
        var opened = false
        if position < text.count, Self.openers.contains(position, in: text) {
            opened = true
            position = text.skipSpaces(from: position + 1)
        }
        guard tokens[next].range.lowerBound == position else { return nil }
        let level = candidates.firstMatch(at: next, in: text) { entry, end in
            candidates.entries[entry].tag < levelCount && !cover.cancels(next..<end)
        }
        guard let (entry, end) = level else { return nil }
        var last = tokens[end - 1].range.upperBound
        if opened {
            let close = text.skipSpaces(from: last)
            if close < text.count, Self.closers.contains(close, in: text) { last = close + 1 }
        }
        let start = tokens[label.lowerBound].range.lowerBound
        return (PhraseIndex.Occurrence(entry: entry, tokens: next..<end), start..<last)
    }

    /// The words with their enclosing quote marks or brackets, when there are some on both sides.
    private func quotedRange(_ words: Range<Int>, in text: borrowing AnalysedText) -> Range<Int>? {
        let open = text.skipSpaces(before: words.lowerBound)
        let close = text.skipSpaces(from: words.upperBound)
        guard open >= 0, close < text.count, Self.openers.contains(open, in: text),
            Self.closers.contains(close, in: text)
        else { return nil }
        return open..<(close + 1)
    }

    private func stamp(_ term: String, _ characters: Range<Int>, in text: borrowing AnalysedText) -> TextMatch {
        text.match(.r7a, .classifiedStamp, characters: characters, term: term, message: MatchMessages.stamp(term))
    }
}

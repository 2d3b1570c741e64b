// A frozen copy of the text matcher as it was before its performance rework (commit 59fd492), kept only in the
// test target as the oracle of TextReferenceDifferentialTests. Do not change it: it defines the expected results.

import GroupDomain

extension TextReference {
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
}

extension TextReference {
    /// Where the false friends of a rule occur, so that a term they overlap can be cancelled.
    ///
    /// The rule: a term occurrence is cancelled when some false-friend occurrence shares a token with it and is not
    /// entirely inside it. "mật" in "mật khẩu" and in "bảo mật" is cancelled; a configured term that itself contains a
    /// false friend (say "bán hàng online" against "bán hàng") is more specific and stands.
    struct PhraseCover: Sendable {
        /// For each covered token, the token ranges of the false friends covering it.
        private var covering: [Int: [Range<Int>]] = [:]

        /// The cover of the occurrences of `falseFriends` (and of any extra ranges) in `text`.
        init(_ falseFriends: PhraseIndex, in text: AnalysedText, extra: [Range<Int>] = []) {
            let ranges = falseFriends.allOccurrences(in: text).map(\.tokens) + extra
            for range in ranges {
                for token in range { covering[token, default: []].append(range) }
            }
        }

        /// Whether a false friend overlaps `tokens` without lying inside it.
        func cancels(_ tokens: Range<Int>) -> Bool {
            guard !covering.isEmpty else { return false }
            for token in tokens {
                for range in covering[token] ?? []
                where range.lowerBound < tokens.lowerBound || range.upperBound > tokens.upperBound {
                    return true
                }
            }
            return false
        }
    }
}

extension TextReference {
    /// R7c and R7d word lists: finds the configured words and phrases as whole words, leftmost and longest first, with
    /// false friends cancelling an overlapping entry (``PhraseCover``).
    struct WordListMatcher: Sendable {
        let rule: TextRule
        private let words: PhraseIndex
        private let falseFriends: PhraseIndex

        init(rule: TextRule, _ list: MatchConfiguration.WordList) {
            self.rule = rule
            self.words = PhraseIndex(list.words)
            self.falseFriends = PhraseIndex(list.falseFriends)
        }

        func matches(in text: AnalysedText) -> [TextMatch] {
            guard !words.isEmpty else { return [] }
            let cover = PhraseCover(falseFriends, in: text)
            return words.leftmostLongest(in: text) { !cover.cancels($0.tokens) }.map { occurrence in
                let term = words.entries[occurrence.entry].term
                let message = rule == .r7c ? MatchMessages.unlawfulWord(term) : MatchMessages.offensiveWord(term)
                return text.match(
                    rule,
                    .listedWord,
                    characters: text.characterRange(ofTokens: occurrence.tokens),
                    term: term,
                    message: message
                )
            }
        }
    }
}

extension TextReference {
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

        init(_ settings: MatchConfiguration.Stamps) {
            var candidates = PhraseIndex()
            for (position, level) in settings.levels.enumerated() { candidates.add(level, tag: position) }
            for (position, phrase) in settings.phrases.enumerated() {
                candidates.add(phrase, tag: settings.levels.count + position)
            }
            self.candidates = candidates
            self.levelCount = settings.levels.count
            self.labels = PhraseIndex(settings.labels)
            self.falseFriends = PhraseIndex(settings.falseFriends)
        }

        /// Quote marks and brackets that may open a quoted level.
        static let openers: Set<Character> = [
            "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "(", "[", "{", "「", "『", "《", "〈",
        ]
        /// Quote marks and brackets that may close a quoted level.
        static let closers: Set<Character> = [
            "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", ")", "]", "}", "」", "』", "》", "〉",
        ]
        /// Separators allowed between a label and its level.
        static let labelSeparators: Set<Character> = [":", "-", "–", "—", "="]

        func matches(in text: AnalysedText) -> [TextMatch] {
            let tokens = text.tokens
            guard !tokens.isEmpty, !candidates.isEmpty else { return [] }
            let labelOccurrences = labels.allOccurrences(in: text)
            let cover = PhraseCover(falseFriends, in: text, extra: labelOccurrences.map(\.tokens))
            var used = Array(repeating: false, count: tokens.count)
            var found: [TextMatch] = []

            for label in labelOccurrences where !label.tokens.contains(where: { used[$0] }) {
                guard let (level, characters) = levelAfter(label.tokens, in: text, cover: cover) else { continue }
                found.append(stamp(candidates.entries[level.entry].term, characters, in: text))
                for token in label.tokens.lowerBound..<level.tokens.upperBound { used[token] = true }
            }

            var start = 0
            while start < tokens.count {
                var next = start + 1
                for (entry, end) in candidates.matches(at: start, in: text) {
                    let range = start..<end
                    guard !range.contains(where: { used[$0] }), !cover.cancels(range) else { continue }
                    let words = text.characterRange(ofTokens: range)
                    let quoted = quotedRange(words, in: text)
                    let isLevel = candidates.entries[entry].tag < levelCount
                    guard !isLevel || quoted != nil || range.allSatisfy({ tokens[$0].isUppercase }) else { continue }
                    found.append(stamp(candidates.entries[entry].term, quoted ?? words, in: text))
                    next = end
                    break
                }
                start = next
            }
            return found
        }

        /// The level that follows a label, and the characters from the label's start to the level's end.
        private func levelAfter(
            _ label: Range<Int>,
            in text: AnalysedText,
            cover: PhraseCover
        ) -> (level: PhraseIndex.Occurrence, characters: Range<Int>)? {
            let tokens = text.tokens
            let next = label.upperBound
            guard next < tokens.count else { return nil }
            var position = text.skipSpaces(from: tokens[label.upperBound - 1].range.upperBound)
            if position < text.count, Self.labelSeparators.contains(text.characters[position]) {
                position = text.skipSpaces(from: position + 1)
            }
            var opened = false
            if position < text.count, Self.openers.contains(text.characters[position]) {
                opened = true
                position = text.skipSpaces(from: position + 1)
            }
            guard tokens[next].range.lowerBound == position else { return nil }
            for (entry, end) in candidates.matches(at: next, in: text)
            where candidates.entries[entry].tag < levelCount && !cover.cancels(next..<end) {
                var last = tokens[end - 1].range.upperBound
                if opened {
                    let close = text.skipSpaces(from: last)
                    if close < text.count, Self.closers.contains(text.characters[close]) { last = close + 1 }
                }
                let start = tokens[label.lowerBound].range.lowerBound
                return (PhraseIndex.Occurrence(entry: entry, tokens: next..<end), start..<last)
            }
            return nil
        }

        /// The words with their enclosing quote marks or brackets, when there are some on both sides.
        private func quotedRange(_ words: Range<Int>, in text: AnalysedText) -> Range<Int>? {
            let open = text.skipSpaces(before: words.lowerBound)
            let close = text.skipSpaces(from: words.upperBound)
            guard open >= 0, close < text.count, Self.openers.contains(text.characters[open]),
                Self.closers.contains(text.characters[close])
            else { return nil }
            return open..<(close + 1)
        }

        private func stamp(_ term: String, _ characters: Range<Int>, in text: AnalysedText) -> TextMatch {
            text.match(.r7a, .classifiedStamp, characters: characters, term: term, message: MatchMessages.stamp(term))
        }
    }
}

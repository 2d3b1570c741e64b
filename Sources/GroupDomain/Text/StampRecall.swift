/// R7a: the forms of a classification stamp that ``StampMatcher`` cannot see, because they are not accented whole
/// words in capitals, in quotes or after a label. Switched on by ``MatchConfiguration/Stamps/recall``.
///
/// It reads every word **without diacritics** ("tối" and "toi" both read `toi`), but a word that carries marks must
/// carry the marks of the stamp: "tôi mất" is never "tối mật". A match that ``StampMatcher`` already made is not made
/// twice. In order:
/// 1. **A compound level without diacritics or joined**: "TOI MAT", "tuyet mat", "TỐIMẬT", "…_TOI_MAT_…",
///    "TUYET-MAT", "BaoCaoToiMat". Joined (inside a file name), in capitals, or a level listed in neither
///    ``MatchConfiguration/Stamps/needContext`` it counts in any case; a level listed there ("toi mat", also
///    "tôi mất" without marks) counts in lowercase only after a document noun or a label, in quotes, or alone on its
///    line.
/// 2. **A single-word level without diacritics** ("MAT") only after a label ("Do mat: Mat"), in capitals inside a
///    file name ("TAI_LIEU_MAT", "KH_MAT.pdf"), in capitals in quotes or brackets ("(MAT)"), or in capitals alone on
///    its line.
/// 3. **A label, a linking word and a level**: "độ mật là Mật", "Độ mật ở mức Tối mật", "DO MAT: TOI MAT".
/// 4. **The label written with its level capitalised**: "(độ Mật)", "thuộc độ Mật".
/// 5. **A level alone on its line** above other lines, as a stamp sits above a title: "Mật\nKế hoạch …".
/// 6. **Letter-spaced** (or OCR-spaced) capitals: "T Ố I  M Ậ T", "M.Ậ.T", "T-U-Y-E-T M-A-T".
///
/// A false friend ("mật khẩu", "bảo mật"; without diacritics "mat khau", "bao mat") overlapping a single-word level
/// cancels it; a compound is cancelled only by a false friend that contains it ("công thức tuyệt mật").
struct StampRecall: Sendable {
    /// A configured word or phrase read without diacritics: its syllables, and the matching form of each letter.
    private struct Pattern: Sendable {
        let term: String
        /// Each syllable's letters without diacritics (ASCII lowercase letters and digits).
        let syllables: [[UInt8]]
        /// The ``SyllableKey`` of every letter, syllable after syllable.
        let keys: [SyllableKey]

        var letterCount: Int { keys.count }
        var joined: [UInt8] { syllables.flatMap { $0 } }

        /// `nil` when `term` has a letter that is not Latin.
        init?(_ term: String) {
            var syllables: [[UInt8]] = []
            var current: [UInt8] = []
            var keys: [SyllableKey] = []
            for character in term {
                if character.isLetter || character.isNumber {
                    let key = VietnameseFolding.key(of: character)
                    guard let base = StampRecall.base(of: key) else { return nil }
                    current.append(base)
                    keys.append(key)
                } else if !current.isEmpty {
                    syllables.append(current)
                    current = []
                }
            }
            if !current.isEmpty { syllables.append(current) }
            guard !syllables.isEmpty else { return nil }
            self.term = term
            self.syllables = syllables
            self.keys = keys
        }
    }

    /// One letter of the text, read without diacritics.
    private struct Letter {
        let position: Int
        let base: UInt8
        let isMarked: Bool
        let isUppercase: Bool
    }

    /// What lies between two tokens.
    private enum Gap {
        /// The text's start, or something that breaks a phrase (punctuation, a link, an emoji).
        case other
        /// Spaces.
        case space
        /// One `_`, `-` or `.`, as in file names.
        case joiner
        /// A line break (with spaces).
        case line
    }

    /// A word token read without diacritics.
    private struct Token {
        let characters: Range<Int>
        /// Its letters in ``Reading/letters``.
        let letters: Range<Int>
        let gapBefore: Gap
        let isUppercase: Bool
    }

    /// The text read without diacritics.
    private struct Reading {
        var letters: [Letter] = []
        var tokens: [Token] = []

        func skeleton(_ token: Int) -> ArraySlice<Letter> { letters[tokens[token].letters] }

        func spells(_ token: Int, _ syllable: [UInt8]) -> Bool {
            let range = tokens[token].letters
            guard range.count == syllable.count else { return false }
            return zip(letters[range], syllable).allSatisfy { $0.base == $1 }
        }
    }

    private let levels: [Pattern]
    private let needContext: [Pattern]
    private let labels: [Pattern]
    private let labelLinks: [Pattern]
    private let documentNouns: [Pattern]
    private let falseFriends: [Pattern]

    init(_ settings: MatchConfiguration.Stamps) {
        guard settings.recall else {
            levels = []
            needContext = []
            labels = []
            labelLinks = []
            documentNouns = []
            falseFriends = []
            return
        }
        levels = settings.levels.compactMap(Pattern.init)
        needContext = settings.needContext.compactMap(Pattern.init)
        labels = settings.labels.compactMap(Pattern.init)
        labelLinks = settings.labelLinks.compactMap(Pattern.init)
        documentNouns = settings.documentNouns.compactMap(Pattern.init)
        falseFriends = settings.falseFriends.compactMap(Pattern.init)
    }

    /// The letter of `key` without diacritics, as an ASCII lowercase letter or digit; `nil` for other scripts.
    static func base(of key: SyllableKey) -> UInt8? {
        // `letters` may be NFD ("o" U+0302): compare `Character`s, which compare by canonical equivalence.
        guard key.letters.count == 1, let character = key.letters.first else { return nil }
        if let value = character.asciiValue {
            let isLetterOrDigit = (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
            return isLetterOrDigit ? value : nil
        }
        switch character {
        case "â", "ă": return 0x61
        case "ê": return 0x65
        case "ô", "ơ": return 0x6F
        case "ư": return 0x75
        case "đ": return 0x64
        default: return nil
        }
    }

    // MARK: Reading

    private func read(_ text: borrowing AnalysedText) -> Reading {
        var reading = Reading()
        var previousEnd = 0
        for token in text.tokens {
            let start = reading.letters.count
            var upper = true
            var cased = false
            for position in token.range where text.isWordCharacter(position) {
                if let ascii = text.asciiValue(at: position) {
                    let isUpper = ascii >= 0x41 && ascii <= 0x5A
                    let lower = isUpper ? ascii + 0x20 : ascii
                    guard (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) else { continue }
                    if isUpper || (0x61...0x7A).contains(lower) { cased = true }
                    if !isUpper && (0x61...0x7A).contains(lower) { upper = false }
                    reading.letters.append(
                        Letter(position: position, base: lower, isMarked: false, isUppercase: isUpper)
                    )
                } else {
                    let key = VietnameseFolding.key(of: text.character(at: position))
                    guard let base = Self.base(of: key) else { continue }
                    let traits = text.clusters[position].traits
                    let isUpper = traits.contains(.uppercase)
                    if traits.contains(.cased) {
                        cased = true
                        if !isUpper { upper = false }
                    }
                    let isMarked = key.tone != 0 || !key.letters.unicodeScalars.allSatisfy(\.isASCII)
                    reading.letters.append(
                        Letter(position: position, base: base, isMarked: isMarked, isUppercase: isUpper)
                    )
                }
            }
            let gap = Self.gap(previousEnd..<token.range.lowerBound, in: text, atStart: reading.tokens.isEmpty)
            previousEnd = token.range.upperBound
            reading.tokens.append(
                Token(
                    characters: token.range,
                    letters: start..<reading.letters.count,
                    gapBefore: gap,
                    isUppercase: upper && cased
                )
            )
        }
        return reading
    }

    private static func gap(_ range: Range<Int>, in text: borrowing AnalysedText, atStart: Bool) -> Gap {
        if atStart || range.isEmpty { return .other }
        if range.count == 1, let ascii = text.asciiValue(at: range.lowerBound),
            ascii == 0x5F || ascii == 0x2D || ascii == 0x2E, !text.isInLink(range.lowerBound)
        {
            return .joiner
        }
        var sawLine = false
        for position in range {
            if text.isHorizontalSpace(position) || text.isIgnorable(position) { continue }
            let traits = text.clusters[position].traits
            if traits.contains(.whitespace) && !traits.contains(.inLink) {
                sawLine = true
                continue
            }
            return .other
        }
        return sawLine ? .line : .space
    }

    // MARK: Matching

    /// A stamp found here, by character range.
    private struct Found {
        let characters: Range<Int>
        let term: String
    }

    /// The stamps found, none overlapping `existing` (the ``StampMatcher``'s matches, by UTF-8 range).
    func matches(in text: borrowing AnalysedText, existing: [Range<Int>]) -> [TextMatch] {
        guard !levels.isEmpty, !text.tokens.isEmpty else { return [] }
        let reading = read(text)
        // Cheap exit: every level ends in a syllable; without a token that ends in one there is nothing to find.
        let lastSyllables = levels.map { $0.syllables.last! }
        let letterTokens = reading.tokens.indices.filter { reading.tokens[$0].letters.count == 1 }
        let mayMatch = reading.tokens.indices.contains { token in
            let skeleton = reading.skeleton(token).map(\.base)
            return lastSyllables.contains { Self.contains(skeleton, $0) }
        }
        guard mayMatch || letterTokens.count >= 3 else { return [] }

        var found: [Found] = []
        found += labelled(text, reading)
        found += capitalisedLabels(text, reading)
        found += levelsInWords(text, reading)
        found += letterSpaced(text, reading)

        var taken = existing
        var result: [TextMatch] = []
        found.sort {
            ($0.characters.lowerBound, -$0.characters.count) < ($1.characters.lowerBound, -$1.characters.count)
        }
        for stamp in found {
            let utf8 = text.clusters[stamp.characters.lowerBound].utf8..<text.clusters[stamp.characters.upperBound].utf8
            guard !taken.contains(where: { $0.overlaps(utf8) }) else { continue }
            taken.append(utf8)
            result.append(
                text.match(
                    .r7a,
                    .classifiedStamp,
                    characters: stamp.characters,
                    term: stamp.term,
                    message: MatchMessages.stamp(stamp.term)
                )
            )
        }
        return result
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Whether letters `letters` of the reading carry no marks, or exactly the marks of `pattern`'s letters from
    /// `offset` on.
    private func marksFit(
        _ letters: Range<Int>,
        _ reading: Reading,
        _ pattern: Pattern,
        from offset: Int,
        in text: borrowing AnalysedText
    ) -> Bool {
        for (index, letter) in letters.enumerated() where reading.letters[letter].isMarked {
            let key = VietnameseFolding.key(of: text.character(at: reading.letters[letter].position))
            guard offset + index < pattern.keys.count, key == pattern.keys[offset + index] else { return false }
        }
        return true
    }

    /// Whether every letter of `letters` carries exactly the marks of `pattern` (unmarked letters included).
    private func isAccented(
        _ letters: Range<Int>,
        _ reading: Reading,
        _ pattern: Pattern,
        in text: borrowing AnalysedText
    )
        -> Bool
    {
        for (index, letter) in letters.enumerated() {
            let key = VietnameseFolding.key(of: text.character(at: reading.letters[letter].position))
            guard index < pattern.keys.count, key == pattern.keys[index] else { return false }
        }
        return true
    }

    /// Where `pattern` occurs as whole tokens starting at `start` (spaces or joiners between its syllables), with
    /// marks that fit: the end token, or `nil`.
    private func occurs(
        _ pattern: Pattern,
        at start: Int,
        _ reading: Reading,
        in text: borrowing AnalysedText
    ) -> Int? {
        let end = start + pattern.syllables.count
        guard end <= reading.tokens.count else { return nil }
        for (offset, syllable) in pattern.syllables.enumerated() {
            let token = start + offset
            guard reading.spells(token, syllable) else { return nil }
            if offset > 0 {
                let gap = reading.tokens[token].gapBefore
                guard gap == .space || gap == .joiner else { return nil }
            }
        }
        let letters = reading.tokens[start].letters.lowerBound..<reading.tokens[end - 1].letters.upperBound
        return marksFit(letters, reading, pattern, from: 0, in: text) ? end : nil
    }

    /// Whether one of `patterns` ends just before token `token` (with spaces or a joiner between).
    private func follows(
        _ patterns: [Pattern],
        _ token: Int,
        _ reading: Reading,
        in text: borrowing AnalysedText
    )
        -> Bool
    {
        let gap = reading.tokens[token].gapBefore
        guard gap == .space || gap == .joiner else { return false }
        return patterns.contains { pattern in
            let start = token - pattern.syllables.count
            return start >= 0 && occurs(pattern, at: start, reading, in: text) == token
        }
    }

    /// Whether a false friend overlaps tokens `tokens` without lying inside them. For a compound level (`compound`)
    /// only a false friend that contains it all, or one written with its own diacritics ("TỐI MẬT ONG"), cancels it:
    /// without diacritics "TOI MAT DO" is "TỐI MẬT do …" (classified by …) as well as "mật độ".
    private func cancelled(
        _ tokens: Range<Int>,
        _ reading: Reading,
        compound: Bool,
        in text: borrowing AnalysedText
    ) -> Bool {
        for pattern in falseFriends {
            let length = pattern.syllables.count
            let first = max(0, tokens.lowerBound - length + 1)
            for start in first..<tokens.upperBound {
                guard let end = occurs(pattern, at: start, reading, in: text) else { continue }
                let inside = start >= tokens.lowerBound && end <= tokens.upperBound
                if inside { continue }
                guard compound else { return true }
                if start <= tokens.lowerBound && end >= tokens.upperBound { return true }
                let letters = reading.tokens[start].letters.lowerBound..<reading.tokens[end - 1].letters.upperBound
                if isAccented(letters, reading, pattern, in: text) { return true }
            }
        }
        return false
    }

    /// The characters from the first to the last letter of a letter range.
    private func characters(_ letters: Range<Int>, _ reading: Reading) -> Range<Int> {
        reading.letters[letters.lowerBound].position..<(reading.letters[letters.upperBound - 1].position + 1)
    }

    private func tokenCharacters(_ tokens: Range<Int>, _ reading: Reading) -> Range<Int> {
        reading.tokens[tokens.lowerBound].characters
            .lowerBound..<reading.tokens[tokens.upperBound - 1].characters
            .upperBound
    }

    /// Whether `characters` is quoted or bracketed on both sides.
    private func isQuoted(_ characters: Range<Int>, in text: borrowing AnalysedText) -> Bool {
        let open = text.skipSpaces(before: characters.lowerBound)
        let close = text.skipSpaces(from: characters.upperBound)
        return open >= 0 && close < text.count && StampMatcher.openers.contains(open, in: text)
            && StampMatcher.closers.contains(close, in: text)
    }

    /// Whether `characters` has no other word on its line, and some other line has a word.
    private func isAloneOnLine(_ characters: Range<Int>, in text: borrowing AnalysedText) -> Bool {
        func isLineBreak(_ position: Int) -> Bool {
            let traits = text.clusters[position].traits
            return traits.contains(.whitespace) && !traits.contains(.horizontalSpace)
        }
        var otherLine = false
        var position = characters.lowerBound - 1
        while position >= 0 && !isLineBreak(position) {
            if text.isAlphanumeric(position) { return false }
            position -= 1
        }
        while position >= 0 {
            if text.isAlphanumeric(position) { otherLine = true }
            position -= 1
        }
        position = characters.upperBound
        while position < text.count && !isLineBreak(position) {
            if text.isAlphanumeric(position) { return false }
            position += 1
        }
        while position < text.count && !otherLine {
            if text.isAlphanumeric(position) { otherLine = true }
            position += 1
        }
        return otherLine
    }

    /// Whether a token next to `tokens` is joined to it by `_`, `-` or `.`: the words are part of a file name.
    private func isInFileName(_ tokens: Range<Int>, _ reading: Reading) -> Bool {
        if reading.tokens[tokens.lowerBound].gapBefore == .joiner { return true }
        if tokens.upperBound < reading.tokens.count, reading.tokens[tokens.upperBound].gapBefore == .joiner {
            return true
        }
        return tokens.dropFirst().contains { reading.tokens[$0].gapBefore == .joiner }
    }

    private func isUppercase(_ letters: Range<Int>, _ reading: Reading) -> Bool {
        reading.letters[letters].allSatisfy { $0.isUppercase || $0.base < 0x61 }
    }

    // MARK: The forms

    /// Levels written as whole tokens or inside a token (1, 2 and 5 in the type's list).
    private func levelsInWords(_ text: borrowing AnalysedText, _ reading: Reading) -> [Found] {
        var found: [Found] = []
        for token in reading.tokens.indices {
            for pattern in levels {
                if let end = occurs(pattern, at: token, reading, in: text) {
                    if let stamp = wholeWords(pattern, token..<end, text, reading) { found.append(stamp) }
                    break
                }
            }
            // Joined without a separator ("TOIMAT", "BaoCaoToiMat"): only compounds.
            let skeleton = reading.skeleton(token).map(\.base)
            for pattern in levels where pattern.syllables.count > 1 {
                let joined = pattern.joined
                guard skeleton.count >= joined.count else { continue }
                for start in 0...(skeleton.count - joined.count)
                where skeleton[start..<(start + joined.count)].elementsEqual(joined) {
                    let first = reading.tokens[token].letters.lowerBound + start
                    let letters = first..<(first + joined.count)
                    guard marksFit(letters, reading, pattern, from: 0, in: text),
                        !cancelled(token..<(token + 1), reading, compound: true, in: text)
                    else { continue }
                    found.append(Found(characters: characters(letters, reading), term: pattern.term))
                }
            }
        }
        return found
    }

    /// Whether a level written as whole tokens `tokens` is a stamp here.
    private func wholeWords(
        _ pattern: Pattern,
        _ tokens: Range<Int>,
        _ text: borrowing AnalysedText,
        _ reading: Reading
    )
        -> Found?
    {
        let letters =
            reading.tokens[tokens.lowerBound].letters
            .lowerBound..<reading.tokens[tokens.upperBound - 1]
            .letters.upperBound
        let words = tokenCharacters(tokens, reading)
        let quoted = isQuoted(words, in: text)
        let span =
            quoted ? text.skipSpaces(before: words.lowerBound)..<(text.skipSpaces(from: words.upperBound) + 1) : words
        let isCompound = pattern.syllables.count > 1
        let accented = isAccented(letters, reading, pattern, in: text)
        guard !cancelled(tokens, reading, compound: isCompound, in: text) else { return nil }
        let upper = isUppercase(letters, reading)
        let fileName = isInFileName(tokens, reading)
        let alone = isAloneOnLine(words, in: text)
        let afterWord = follows(documentNouns + labels, tokens.lowerBound, reading, in: text)
        let stamp: Bool
        if isCompound {
            let needsContext = needContext.contains { $0.joined == pattern.joined }
            let partlyAccented = reading.letters[letters].contains(where: \.isMarked)
            stamp = partlyAccented || fileName || upper || !needsContext || afterWord || quoted || alone
        } else if accented {
            // "Mật" alone on its line; the word matcher has the capitals, quotes and labels.
            stamp = alone
        } else {
            stamp = upper && (fileName || quoted || alone) || fileName && afterWord || upper && afterWord
        }
        return stamp ? Found(characters: span, term: pattern.term) : nil
    }

    /// A label, an optional separator and linking word, an optional quote, and a level (3 in the type's list; also
    /// "Do mat: Mat" without diacritics).
    private func labelled(_ text: borrowing AnalysedText, _ reading: Reading) -> [Found] {
        var found: [Found] = []
        for token in reading.tokens.indices {
            for label in labels {
                guard let labelEnd = occurs(label, at: token, reading, in: text), labelEnd < reading.tokens.count else {
                    continue
                }
                var position = text.skipSpaces(from: reading.tokens[labelEnd - 1].characters.upperBound)
                if position < text.count, StampMatcher.labelSeparators.contains(position, in: text) {
                    position = text.skipSpaces(from: position + 1)
                }
                var next = labelEnd
                for link in labelLinks where reading.tokens[next].characters.lowerBound == position {
                    if let linkEnd = occurs(link, at: next, reading, in: text), linkEnd < reading.tokens.count {
                        next = linkEnd
                        position = text.skipSpaces(from: reading.tokens[linkEnd - 1].characters.upperBound)
                        break
                    }
                }
                var opened = false
                if position < text.count, StampMatcher.openers.contains(position, in: text) {
                    opened = true
                    position = text.skipSpaces(from: position + 1)
                }
                guard reading.tokens[next].characters.lowerBound == position else { continue }
                for level in levels {
                    guard let levelEnd = occurs(level, at: next, reading, in: text),
                        !cancelled(next..<levelEnd, reading, compound: level.syllables.count > 1, in: text)
                    else { continue }
                    var last = reading.tokens[levelEnd - 1].characters.upperBound
                    if opened {
                        let close = text.skipSpaces(from: last)
                        if close < text.count, StampMatcher.closers.contains(close, in: text) { last = close + 1 }
                    }
                    found.append(
                        Found(characters: reading.tokens[token].characters.lowerBound..<last, term: level.term)
                    )
                    break
                }
            }
        }
        return found
    }

    /// A label whose last word is a level, written with that word capitalised: "(độ Mật)", "thuộc độ Mật" (4).
    private func capitalisedLabels(_ text: borrowing AnalysedText, _ reading: Reading) -> [Found] {
        var found: [Found] = []
        for label in labels where label.syllables.count > 1 {
            guard let level = levels.first(where: { $0.syllables == [label.syllables.last!] }) else { continue }
            for token in reading.tokens.indices {
                guard let end = occurs(label, at: token, reading, in: text) else { continue }
                let letters = reading.tokens[token].letters.lowerBound..<reading.tokens[end - 1].letters.upperBound
                guard isAccented(letters, reading, label, in: text) else { continue }
                let last = reading.tokens[end - 1]
                let head = reading.tokens[token]
                // "độ Mật": the label's first word in lowercase, its level word capitalised.
                guard reading.letters[last.letters.lowerBound].isUppercase,
                    !reading.letters[head.letters.lowerBound].isUppercase
                else { continue }
                let after = text.skipSpaces(from: last.characters.upperBound)
                if after < text.count, StampMatcher.labelSeparators.contains(after, in: text) { continue }
                if end < reading.tokens.count, reading.tokens[end].gapBefore == .space,
                    levels.contains(where: { occurs($0, at: end, reading, in: text) != nil })
                {
                    continue
                }
                guard !cancelled((end - 1)..<end, reading, compound: false, in: text) else { continue }
                found.append(Found(characters: tokenCharacters(token..<end, reading), term: level.term))
            }
        }
        return found
    }

    /// Letter-spaced capitals: "T Ố I  M Ậ T", "M.Ậ.T" (6).
    private func letterSpaced(_ text: borrowing AnalysedText, _ reading: Reading) -> [Found] {
        var found: [Found] = []
        var token = 0
        while token < reading.tokens.count {
            guard reading.tokens[token].letters.count == 1 else {
                token += 1
                continue
            }
            var end = token + 1
            while end < reading.tokens.count, reading.tokens[end].letters.count == 1,
                isSpacing(
                    reading.tokens[end - 1].characters.upperBound..<reading.tokens[end].characters.lowerBound,
                    text
                )
            {
                end += 1
            }
            defer { token = end }
            guard end - token >= 3 else { continue }
            let letters = reading.tokens[token].letters.lowerBound..<reading.tokens[end - 1].letters.upperBound
            let skeleton = reading.letters[letters].map(\.base)
            for pattern in levels {
                let joined = pattern.joined
                guard skeleton.count >= joined.count else { continue }
                var matched = false
                for start in 0...(skeleton.count - joined.count)
                where skeleton[start..<(start + joined.count)].elementsEqual(joined) {
                    let range = (letters.lowerBound + start)..<(letters.lowerBound + start + joined.count)
                    // A single-word level only when it is set apart from the run's other letters by a different gap
                    // ("M.Ậ.T ở"), not a run's last letters ("Đ Ư Ợ C M A T" is no stamp).
                    if pattern.syllables.count == 1, !isSetApart(range, token..<end, reading, text) { continue }
                    let upper = isUppercase(range, reading)
                    guard marksFit(range, reading, pattern, from: 0, in: text),
                        upper || reading.letters[range].contains(where: \.isMarked)
                    else { continue }
                    found.append(Found(characters: characters(range, reading), term: pattern.term))
                    matched = true
                    break
                }
                if matched { break }
            }
        }
        return found
    }

    /// Whether the letters `range` of the letter-spaced run of tokens `run` (one letter each) are separated from the
    /// run's other letters by gaps unlike the gaps between them.
    private func isSetApart(
        _ range: Range<Int>,
        _ run: Range<Int>,
        _ reading: Reading,
        _ text: borrowing AnalysedText
    )
        -> Bool
    {
        let first = run.lowerBound + (range.lowerBound - reading.tokens[run.lowerBound].letters.lowerBound)
        let last = first + range.count - 1
        func gap(_ token: Int) -> [Character] {
            (reading.tokens[token - 1].characters.upperBound..<reading.tokens[token].characters.lowerBound).map {
                text.character(at: $0)
            }
        }
        let inner = first + 1 <= last ? gap(first + 1) : []
        if first > run.lowerBound, gap(first) == inner { return false }
        if last + 1 < run.upperBound, gap(last + 1) == inner { return false }
        return true
    }

    /// One to three spaces, dots, hyphens, underscores or middle dots.
    private func isSpacing(_ gap: Range<Int>, _ text: borrowing AnalysedText) -> Bool {
        guard (1...3).contains(gap.count) else { return false }
        return gap.allSatisfy { position in
            if text.isHorizontalSpace(position) { return true }
            guard let ascii = text.asciiValue(at: position) else { return text.character(at: position) == "·" }
            return ascii == 0x2E || ascii == 0x2D || ascii == 0x5F || ascii == 0x2A
        }
    }
}

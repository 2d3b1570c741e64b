extension AnalysedText {
    /// Splits the text into ``WordToken``s, skipping links and emoji, and looks their syllables up in `vocabulary`.
    ///
    /// A token's spelling is its word characters' ``CharacterFold``s end to end, with their tones combined as
    /// ``VietnameseFolding/append(_:to:)`` combines them; when a character has no fold, the token is spelled by its
    /// ``SyllableKey`` instead (``spelling(of:)``).
    mutating func tokenize(_ vocabulary: SyllableVocabulary) {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(count / 4 + 1)
        var position = 0
        while position < count {
            guard isWordCharacter(position) else {
                position += 1
                continue
            }
            let start = position
            var hash = SyllableVocabulary.hashSeed
            var byteCount = 0
            var tone: UInt8 = 0
            var isCanonical = true
            var hasCased = false
            var hasLower = false
            while position < count {
                if isWordCharacter(position) {
                    let characterClass = characterClass(at: position)
                    if let fold = characterClass.fold {
                        hash = fold.hashed(hash)
                        byteCount += Int(fold.count)
                        tone = VietnameseFolding.adding(fold.tone, to: tone)
                    } else {
                        isCanonical = false
                    }
                    let traits = characterClass.traits
                    hasCased = hasCased || traits.contains(.cased)
                    hasLower = hasLower || (traits.contains(.cased) && !traits.contains(.uppercase))
                    position += 1
                } else if isIgnorable(position) {
                    var next = position
                    while next < count && isIgnorable(next) { next += 1 }
                    guard next < count && isWordCharacter(next) else { break }
                    position = next
                } else {
                    break
                }
            }
            let range = start..<position
            let syllable =
                isCanonical
                ? vocabulary.syllable(
                    hash: SyllableVocabulary.hash(hash, tone: tone),
                    count: byteCount,
                    tone: tone,
                    spelling: { canonicalBytes(of: range) },
                    isSpelling: { isSpelling(range, $0) }
                ) : vocabulary.syllable(spelling(of: range))
            tokens.append(WordToken(range: range, syllable: syllable, isUppercase: hasCased && !hasLower))
        }
        self.tokens = tokens
    }

    /// The spelling of the token at `range`: its canonical bytes and tone, or its ``SyllableKey`` when some character
    /// has no ``CharacterFold``.
    func spelling(of range: Range<Int>) -> SyllableSpelling {
        var tone: UInt8 = 0
        for position in range where isWordCharacter(position) {
            guard let fold = characterClass(at: position).fold else {
                var key = SyllableKey()
                for position in range where isWordCharacter(position) {
                    VietnameseFolding.append(character(at: position), to: &key)
                }
                return .other(key)
            }
            tone = VietnameseFolding.adding(fold.tone, to: tone)
        }
        return .canonical(bytes: canonicalBytes(of: range), tone: tone)
    }

    /// The folds of the word characters in `range`, end to end (all of them have one).
    private func canonicalBytes(of range: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        for position in range where isWordCharacter(position) { characterClass(at: position).fold?.write(to: &bytes) }
        return bytes
    }

    /// Whether the folds of the word characters in `range` (all of them have one) are `expected`, end to end.
    private func isSpelling(_ range: Range<Int>, _ expected: ArraySlice<UInt8>) -> Bool {
        var index = expected.startIndex
        for position in range where isWordCharacter(position) {
            guard let fold = characterClass(at: position).fold, fold.isPrefix(of: expected, at: &index) else {
                return false
            }
        }
        return index == expected.endIndex
    }

    /// Whether the characters between two tokens let them form one phrase: one or more spaces (and ignorable
    /// characters), or a single `_` or `-` as in file names ("TOI_MAT", "TUYỆT-MẬT"). A line break, punctuation or a
    /// link in between breaks a phrase.
    func isPhraseGap(_ gap: Range<Int>) -> Bool {
        guard !gap.isEmpty else { return false }
        if gap.count == 1, let ascii = asciiValue(at: gap.lowerBound), ascii == 0x2D || ascii == 0x5F {
            return !isInLink(gap.lowerBound)
        }
        var sawSpace = false
        for position in gap {
            if isHorizontalSpace(position) {
                sawSpace = true
            } else if !isIgnorable(position) {
                return false
            }
        }
        return sawSpace
    }

    /// The characters of a token range, from the first token's start to the last token's end.
    func characterRange(ofTokens range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
    }
}

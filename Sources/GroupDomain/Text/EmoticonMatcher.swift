/// R7d: finds ASCII emoticons and Zalo shortcodes (`:))`, `/-strong`, `<3`) as whole tokens, ignoring case.
///
/// An emoticon matches where it is not part of a word, a number or a link:
/// - before it: the start, or anything but a digit; a letter only when the emoticon starts with a symbol
///   ("rồi:))" counts, "max-)" is not "x-)", "10:30" holds no ":3");
/// - after it: the end, or anything but a letter or digit ("ví dụ:(a)" holds no ":(", "chú:Dự án" no ":D");
/// - its last character may repeat (":)))))", ":DDD"), and the longest emoticon wins (":-((" over ":-(").
/// Characters inside links and emoji are skipped.
struct EmoticonMatcher: Sendable {
    /// One emoticon, with the matching form of each character.
    private struct Emoticon: Sendable {
        let term: String
        let keys: [SyllableKey]
        let startsWithSymbol: Bool
    }

    /// Emoticons by the matching form of their first character, longest first.
    private let byFirst: [SyllableKey: [Emoticon]]
    /// The lowercase ASCII first characters, to skip other ASCII characters without folding them.
    private let asciiFirsts: Set<UInt8>

    init(_ emoticons: [String]) {
        var byFirst: [SyllableKey: [Emoticon]] = [:]
        for term in emoticons {
            let characters = Array(term)
            guard let first = characters.first else { continue }
            let emoticon = Emoticon(
                term: term,
                keys: characters.map(VietnameseFolding.key(of:)),
                startsWithSymbol: !first.isLetter && !first.isNumber
            )
            byFirst[emoticon.keys[0], default: []].append(emoticon)
        }
        self.byFirst = byFirst.mapValues { list in list.sorted { $0.keys.count > $1.keys.count } }
        self.asciiFirsts = Set(byFirst.keys.compactMap { $0.letters.count == 1 ? $0.letters.utf8.first : nil })
    }

    /// Whether an emoticon may start with this character (a cheap test before folding it).
    private func mayStart(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return !character.isWhitespace }
        return asciiFirsts.contains(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
    }

    func matches(in text: AnalysedText) -> [TextMatch] {
        guard !byFirst.isEmpty else { return [] }
        var found: [TextMatch] = []
        var position = 0
        while position < text.count {
            guard !text.inLink[position], !text.isPictographic[position], mayStart(text.characters[position]),
                let candidates = byFirst[VietnameseFolding.key(of: text.characters[position])]
            else {
                position += 1
                continue
            }
            var next = position + 1
            for emoticon in candidates {
                guard let end = end(of: emoticon, at: position, in: text) else { continue }
                found.append(
                    text.match(
                        .r7d,
                        .emoticon,
                        characters: position..<end,
                        term: emoticon.term,
                        message: MatchMessages.emoticon(emoticon.term)
                    )
                )
                next = end
                break
            }
            position = next
        }
        return found
    }

    /// Where `emoticon` ends when it matches at `start`.
    private func end(of emoticon: Emoticon, at start: Int, in text: AnalysedText) -> Int? {
        var end = start + emoticon.keys.count
        guard end <= text.count else { return nil }
        for offset in 1..<emoticon.keys.count {
            let position = start + offset
            guard !text.inLink[position], !text.isPictographic[position],
                VietnameseFolding.key(of: text.characters[position]) == emoticon.keys[offset]
            else { return nil }
        }
        if start > 0 {
            if text.isDigit(start - 1) { return nil }
            if text.isAlphanumeric(start - 1) && !emoticon.startsWithSymbol { return nil }
        }
        let last = emoticon.keys[emoticon.keys.count - 1]
        while end < text.count, !text.inLink[end], VietnameseFolding.key(of: text.characters[end]) == last {
            end += 1
        }
        if end < text.count, text.isAlphanumeric(end) { return nil }
        return end
    }
}

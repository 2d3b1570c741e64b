/// R7d: finds ASCII emoticons and Zalo shortcodes (`:))`, `/-strong`, `<3`) as whole tokens, ignoring case.
///
/// An emoticon matches where it is not part of a word, a number or a link:
/// - before it: the start, or anything but a digit; a letter only when the emoticon starts with a symbol
///   ("rồi:))" counts, "max-)" is not "x-)", "10:30" holds no ":3");
/// - after it: the end, or anything but a letter or digit ("ví dụ:(a)" holds no ":(", "chú:Dự án" no ":D");
/// - its last character may repeat (":)))))", ":DDD"), and the longest emoticon wins (":-((" over ":-(").
/// Characters inside links and emoji are skipped.
struct EmoticonMatcher: Sendable {
    /// One emoticon.
    private struct Emoticon: Sendable {
        let term: String
        /// Where the keys of its characters are in ``EmoticonMatcher/characterKeys``.
        let keys: Range<Int>
        let startsWithSymbol: Bool
    }

    /// The keys of the emoticons' characters.
    private let keys: CharacterKeys
    /// The emoticons, grouped by the key of their first character, longest first in each group.
    private let emoticons: [Emoticon]
    /// The keys of every emoticon's characters, end to end.
    private let characterKeys: [Int32]
    /// For each key, the emoticons starting with it.
    private let byFirst: [Range<Int>]
    /// For each byte, whether it is the first byte of a first character's key that is one character long: a cheap
    /// test for ASCII characters, which may start an emoticon only then.
    private let asciiFirsts: [Bool]
    /// Whether look-alikes are left out (``isLookAlike(_:_:_:in:)``).
    private let guards: Bool

    /// Words for a quantity after a number: "<3 tuổi" compares, it is no heart.
    static let units: Set<String> = [
        "tuổi", "ngày", "tháng", "năm", "giờ", "h", "phút", "giây", "km", "m", "cm", "mm", "kg", "g", "tấn", "ha",
        "độ", "người", "lần", "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "trăm", "đồng", "lít", "l", "m2", "hộ", "xã",
        "tr", "k", "cái", "con", "điểm", "ca",
    ]

    init(_ terms: [String], guards: Bool = false) {
        self.guards = guards
        let keys = CharacterKeys(terms)
        var groups: [[(term: String, keys: [Int32], startsWithSymbol: Bool)]] = []
        var asciiFirsts = Array(repeating: false, count: 256)
        for term in terms {
            let characters = Array(term)
            guard let first = characters.first else { continue }
            let emoticon = (
                term: term, keys: characters.map(keys.key(of:)), startsWithSymbol: !first.isLetter && !first.isNumber
            )
            let firstKey = Int(emoticon.keys[0])
            if groups.count <= firstKey { groups += Array(repeating: [], count: firstKey + 1 - groups.count) }
            groups[firstKey].append(emoticon)
            let letters = VietnameseFolding.key(of: first).letters
            if letters.count == 1, let byte = letters.utf8.first { asciiFirsts[Int(byte)] = true }
        }
        var emoticons: [Emoticon] = []
        var characterKeys: [Int32] = []
        var byFirst: [Range<Int>] = []
        for group in groups {
            let start = emoticons.count
            for emoticon in group.sorted(by: { $0.keys.count > $1.keys.count }) {
                emoticons.append(
                    Emoticon(
                        term: emoticon.term,
                        keys: characterKeys.count..<(characterKeys.count + emoticon.keys.count),
                        startsWithSymbol: emoticon.startsWithSymbol
                    )
                )
                characterKeys += emoticon.keys
            }
            byFirst.append(start..<emoticons.count)
        }
        self.keys = keys
        self.emoticons = emoticons
        self.characterKeys = characterKeys
        self.byFirst = byFirst
        self.asciiFirsts = asciiFirsts
    }

    /// The emoticons that may start at `position`: none inside a link or an emoji, at whitespace other than ASCII, or
    /// at an ASCII character that is not in ``asciiFirsts``.
    @inline(__always)
    private func candidates(at position: Int, in text: borrowing AnalysedText) -> Range<Int> {
        let cluster = text.clusters[position]
        guard !cluster.traits.contains(.inLink), !cluster.traits.contains(.pictographic) else { return 0..<0 }
        if cluster.ascii == CharacterClass.notASCII {
            guard !cluster.traits.contains(.whitespace) else { return 0..<0 }
        } else {
            let ascii = cluster.ascii
            guard asciiFirsts[Int(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)] else { return 0..<0 }
        }
        let key = Int(keys.key(at: position, in: text))
        return key >= 0 && key < byFirst.count ? byFirst[key] : 0..<0
    }

    func matches(in text: borrowing AnalysedText) -> [TextMatch] {
        guard !emoticons.isEmpty else { return [] }
        var found: [TextMatch] = []
        var position = 0
        while position < text.count {
            var next = position + 1
            for emoticon in candidates(at: position, in: text) {
                guard let end = end(of: emoticon, at: position, in: text) else { continue }
                let term = emoticons[emoticon].term
                if guards, isLookAlike(position, end, term, in: text) { continue }
                found.append(
                    text.match(
                        .r7d,
                        .emoticon,
                        characters: position..<end,
                        term: term,
                        message: MatchMessages.emoticon(term)
                    )
                )
                next = end
                break
            }
            position = next
        }
        return found
    }

    /// Whether the emoticon `term` found at `start..<end` is something else that looks like one:
    /// - an abbreviation after a colon: it ends in a letter followed by `.` and a letter or digit ("Địa chỉ:P.Tân
    ///   Lợi", "Đ/c:T.Hùng");
    /// - a comparison: it ends in a digit and a letter or digit comes right before it ("x<3"), or `%`, a decimal
    ///   part or a unit word comes after it ("<3%", "<3,5", "<3 tuổi");
    /// - a path: a backslash right before or after it, or its colon follows a lone drive letter ("D:\\Báo cáo",
    ///   "(ổ D:)");
    /// - an emoticon made of letters only, written in another case ("XD", xây dựng, is not "xD").
    private func isLookAlike(_ start: Int, _ end: Int, _ term: String, in text: borrowing AnalysedText) -> Bool {
        let last = end - 1
        if text.isLetter(last), end + 1 < text.count, text.isCharacter(end, 0x2E), text.isAlphanumeric(end + 1) {
            return true
        }
        if text.isDigit(last) {
            if start > 0, text.isAlphanumeric(start - 1) { return true }
            if end < text.count {
                if text.isCharacter(end, 0x25) { return true }
                if text.isCharacter(end, 0x2C) || text.isCharacter(end, 0x2E), text.isDigit(end + 1) { return true }
                let word = text.skipSpaces(from: end)
                var wordEnd = word
                while wordEnd < text.count, text.isAlphanumeric(wordEnd) { wordEnd += 1 }
                if wordEnd > word {
                    let unit = String(text.span(word..<wordEnd).text).lowercased()
                    if Self.units.contains(unit) { return true }
                }
            }
        }
        if start > 0, text.isCharacter(start - 1, 0x5C) { return true }
        if end < text.count, text.isCharacter(end, 0x5C) { return true }
        if text.isCharacter(start, 0x3A), start > 0, let drive = text.asciiValue(at: start - 1),
            (0x41...0x5A).contains(drive) || (0x61...0x7A).contains(drive),
            start == 1 || !text.isAlphanumeric(start - 2)
        {
            return true
        }
        let letters = Array(term)
        if letters.allSatisfy(\.isLetter) {
            for (offset, letter) in letters.enumerated() where text.character(at: start + offset) != letter {
                return true
            }
        }
        return false
    }

    /// Where emoticon `index` ends when it matches at `start`.
    private func end(of index: Int, at start: Int, in text: borrowing AnalysedText) -> Int? {
        let emoticon = emoticons[index].keys
        var end = start + emoticon.count
        guard end <= text.count else { return nil }
        for offset in 1..<emoticon.count {
            let position = start + offset
            guard !text.isInLink(position), !text.isPictographic(position),
                keys.key(at: position, in: text) == characterKeys[emoticon.lowerBound + offset]
            else { return nil }
        }
        if start > 0 {
            if text.isDigit(start - 1) { return nil }
            if text.isAlphanumeric(start - 1) && !emoticons[index].startsWithSymbol { return nil }
        }
        let last = characterKeys[emoticon.upperBound - 1]
        while end < text.count, !text.isInLink(end), keys.key(at: end, in: text) == last {
            end += 1
        }
        if end < text.count, text.isAlphanumeric(end) { return nil }
        return end
    }
}

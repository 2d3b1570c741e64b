/// Finds links in the text for R7b: `http://` and `https://` URLs (in any case, even glued to a word), `www.` names,
/// and bare domains such as `abc.com.vn/tin-tuc` whose last label is a configured suffix.
///
/// The host is taken the way a browser takes it: after the last `@` of the authority (so `http://chinhphu.vn@evil.com`
/// leads to `evil.com`), ending at `/`, `\`, `?`, `#` or `:port`. An e-mail address (`banbientap@daklak.gov.vn`) is not
/// a link. Trailing sentence punctuation and an unbalanced closing bracket are left out of the link.
struct LinkScanner: Sendable {
    /// Lowercase top-level labels that make a bare domain a link.
    let bareDomainSuffixes: Set<String>

    /// Characters that end a link outside its path: quotes, angle brackets and other delimiters.
    static let delimiters: Set<Character> = ["<", ">", "\"", "“", "”", "‘", "’", "«", "»", "`", "{", "}", "|", "^"]
    /// Characters that may not come right before a bare domain (they make it part of something else).
    static let bareDomainBlockers: Set<Character> = [".", "-", "_", "@", "/", "\\", "%", "&", "=", "~", "+", "#"]
    /// Punctuation trimmed from the end of a link.
    static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "'", "…"]

    /// Every link, in text order, without overlaps.
    func links(in text: AnalysedText) -> [LinkOccurrence] {
        var found: [LinkOccurrence] = []
        var position = 0
        while position < text.count {
            if let link = schemeLink(at: position, in: text) {
                found.append(link)
                position = link.range.upperBound
            } else if isBareDomainStart(position, in: text) {
                if let link = bareDomainLink(at: position, in: text) {
                    found.append(link)
                    position = link.range.upperBound
                } else {
                    position += 1  // not past the run: "xemhttps://…" still holds a link
                }
            } else {
                position += 1
            }
        }
        return found
    }

    // MARK: Scheme links

    /// A link starting with `http://` or `https://` at `start`.
    private func schemeLink(at start: Int, in text: AnalysedText) -> LinkOccurrence? {
        guard let authorityStart = schemeEnd(at: start, in: text) else { return nil }
        var authorityEnd = authorityStart
        while authorityEnd < text.count, isURLCharacter(authorityEnd, in: text) {
            let character = text.characters[authorityEnd]
            if character == "/" || character == "\\" || character == "?" || character == "#" { break }
            authorityEnd += 1
        }
        var hostCharacters = Array(text.characters[authorityStart..<authorityEnd])
        if let at = hostCharacters.lastIndex(of: "@") { hostCharacters.removeSubrange(...at) }
        if hostCharacters.first != "[", let colon = hostCharacters.lastIndex(of: ":") {
            hostCharacters.removeSubrange(colon...)
        }
        while hostCharacters.last == "." { hostCharacters.removeLast() }
        let host = String(hostCharacters).lowercased()
        guard !host.isEmpty, host.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        let end = trimmedEnd(start, pathEnd(from: authorityEnd, in: text), in: text)
        guard end > authorityStart else { return nil }
        return LinkOccurrence(range: start..<end, host: host)
    }

    /// The position after `http://` or `https://` (any case) at `start`.
    private func schemeEnd(at start: Int, in text: AnalysedText) -> Int? {
        for scheme in ["http://", "https://"] {
            let end = start + scheme.utf8.count
            guard end <= text.count else { continue }
            var matched = true
            for (offset, byte) in scheme.utf8.enumerated() {
                guard let ascii = text.characters[start + offset].asciiValue, ascii | 0x20 == byte | 0x20 else {
                    matched = false
                    break
                }
            }
            if matched { return end }
        }
        return nil
    }

    // MARK: Bare domains

    /// Whether a bare domain may start at `position`: an ASCII letter or digit not glued to a word, a path, an
    /// e-mail address or a longer name.
    private func isBareDomainStart(_ position: Int, in text: AnalysedText) -> Bool {
        guard isDomainCharacter(position, in: text), text.characters[position] != ".",
            text.characters[position] != "-"
        else { return false }
        guard position > 0 else { return true }
        let previous = text.characters[position - 1]
        return !text.isAlphanumeric(position - 1) && !Self.bareDomainBlockers.contains(previous)
    }

    /// The bare domain starting at `start`, if the run of name characters there is one.
    private func bareDomainLink(at start: Int, in text: AnalysedText) -> LinkOccurrence? {
        var runEnd = start
        while runEnd < text.count, isDomainCharacter(runEnd, in: text) { runEnd += 1 }
        var nameEnd = runEnd
        while nameEnd > start, text.characters[nameEnd - 1] == "." || text.characters[nameEnd - 1] == "-" {
            nameEnd -= 1
        }
        if runEnd < text.count {
            let next = text.characters[runEnd]
            // "Tp.Buôn": the run stops inside a word; "a.b@c.d": an e-mail's local part.
            if text.isAlphanumeric(runEnd) || next == "@" || next == "_" { return nil }
        }
        let name = String(text.characters[start..<nameEnd]).lowercased()
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let suffix = labels.last,
            suffix.allSatisfy({ $0.isLetter }),
            bareDomainSuffixes.contains(String(suffix)) || (labels[0] == "www" && suffix.count >= 2)
        else { return nil }
        var end = nameEnd
        if nameEnd == runEnd, nameEnd < text.count {
            let next = text.characters[nameEnd]
            let hasPort = next == ":" && text.isDigit(nameEnd + 1)
            if next == "/" || next == "?" || next == "#" || hasPort {
                end = trimmedEnd(start, pathEnd(from: nameEnd, in: text), in: text)
            }
        }
        return LinkOccurrence(range: start..<end, host: name)
    }

    /// An ASCII letter, digit, `-` or `.` outside emoji.
    private func isDomainCharacter(_ position: Int, in text: AnalysedText) -> Bool {
        guard let ascii = text.characters[position].asciiValue else { return false }
        return (0x61...0x7A).contains(ascii | 0x20) || (0x30...0x39).contains(ascii) || ascii == 0x2D || ascii == 0x2E
    }

    // MARK: Paths

    /// A character that can be part of a URL as people paste it: not whitespace, not an emoji, not a delimiter.
    private func isURLCharacter(_ position: Int, in text: AnalysedText) -> Bool {
        let character = text.characters[position]
        return !character.isWhitespace && !text.isPictographic[position] && !Self.delimiters.contains(character)
            && !VietnameseFolding.isIgnorable(character)
    }

    /// The end of the path, query and fragment that start at `position`.
    private func pathEnd(from position: Int, in text: AnalysedText) -> Int {
        var end = position
        while end < text.count, isURLCharacter(end, in: text) { end += 1 }
        return end
    }

    /// `end` moved back over trailing punctuation and unbalanced closing brackets.
    private func trimmedEnd(_ start: Int, _ end: Int, in text: AnalysedText) -> Int {
        var balance: [Character: Int] = [:]  // closing minus opening brackets, per closing bracket
        for character in text.characters[start..<end] {
            if Self.matchingOpener[character] != nil {
                balance[character, default: 0] += 1
            } else if let close = Self.matchingCloser[character] {
                balance[close, default: 0] -= 1
            }
        }
        var end = end
        while end > start {
            let last = text.characters[end - 1]
            if Self.trailingPunctuation.contains(last) {
                end -= 1
            } else if Self.matchingOpener[last] != nil, balance[last, default: 0] > 0 {
                balance[last, default: 0] -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// The opening bracket of each closing bracket.
    private static let matchingOpener: [Character: Character] = [")": "(", "]": "["]
    /// The closing bracket of each opening bracket.
    private static let matchingCloser: [Character: Character] = ["(": ")", "[": "]"]
}

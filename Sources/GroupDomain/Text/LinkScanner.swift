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
    static let delimiters = CharacterChoice(["<", ">", "\"", "“", "”", "‘", "’", "«", "»", "`", "{", "}", "|", "^"])
    /// Characters that may not come right before a bare domain (they make it part of something else).
    static let bareDomainBlockers = CharacterChoice([".", "-", "_", "@", "/", "\\", "%", "&", "=", "~", "+", "#"])
    /// Punctuation trimmed from the end of a link.
    static let trailingPunctuation = CharacterChoice([".", ",", ";", ":", "!", "?", "'", "…"])

    /// Every link, in text order, without overlaps.
    func links(in text: borrowing AnalysedText) -> [LinkOccurrence] {
        let mayHaveSchemes = text.asciiValues.contains(UInt8(ascii: ":"))  // `://`
        let mayHaveBareDomains = text.asciiValues.contains(UInt8(ascii: "."))  // two labels at least
        guard mayHaveSchemes || mayHaveBareDomains else { return [] }
        var found: [LinkOccurrence] = []
        var position = 0
        while position < text.count {
            if mayHaveSchemes, let link = schemeLink(at: position, in: text) {
                found.append(link)
                position = link.range.upperBound
            } else if mayHaveBareDomains, isBareDomainStart(position, in: text) {
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
    private func schemeLink(at start: Int, in text: borrowing AnalysedText) -> LinkOccurrence? {
        guard let authorityStart = schemeEnd(at: start, in: text) else { return nil }
        var authorityEnd = authorityStart
        while authorityEnd < text.count, isURLCharacter(authorityEnd, in: text) {
            if text.isCharacter(authorityEnd, 0x2F) || text.isCharacter(authorityEnd, 0x5C)
                || text.isCharacter(authorityEnd, 0x3F) || text.isCharacter(authorityEnd, 0x23)
            {
                break
            }
            authorityEnd += 1
        }
        var hostCharacters = (authorityStart..<authorityEnd).map(text.character(at:))
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
    private func schemeEnd(at start: Int, in text: borrowing AnalysedText) -> Int? {
        guard text.clusters[start].ascii | 0x20 == UInt8(ascii: "h") else { return nil }
        for scheme in Self.schemes {
            let end = start + scheme.count
            guard end <= text.count else { continue }
            var matched = true
            for (offset, byte) in scheme.enumerated() {
                guard let ascii = text.asciiValue(at: start + offset), ascii | 0x20 == byte | 0x20 else {
                    matched = false
                    break
                }
            }
            if matched { return end }
        }
        return nil
    }

    /// The schemes of links, as bytes.
    private static let schemes = [Array("http://".utf8), Array("https://".utf8)]

    // MARK: Bare domains

    /// Whether a bare domain may start at `position`: an ASCII letter or digit not glued to a word, a path, an
    /// e-mail address or a longer name.
    private func isBareDomainStart(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        guard isDomainCharacter(position, in: text), !text.isCharacter(position, 0x2E),
            !text.isCharacter(position, 0x2D)
        else { return false }
        guard position > 0 else { return true }
        return !text.isAlphanumeric(position - 1) && !Self.bareDomainBlockers.contains(position - 1, in: text)
    }

    /// The bare domain starting at `start`, if the run of name characters there is one.
    private func bareDomainLink(at start: Int, in text: borrowing AnalysedText) -> LinkOccurrence? {
        var runEnd = start
        var hasDot = false
        while runEnd < text.count, isDomainCharacter(runEnd, in: text) {
            hasDot = hasDot || text.isCharacter(runEnd, 0x2E)
            runEnd += 1
        }
        var nameEnd = runEnd
        while nameEnd > start, text.isCharacter(nameEnd - 1, 0x2E) || text.isCharacter(nameEnd - 1, 0x2D) {
            nameEnd -= 1
        }
        if runEnd < text.count {
            // "Tp.Buôn": the run stops inside a word; "a.b@c.d": an e-mail's local part.
            if text.isAlphanumeric(runEnd) || text.isCharacter(runEnd, 0x40) || text.isCharacter(runEnd, 0x5F) {
                return nil
            }
        }
        guard hasDot else { return nil }  // one label: not a domain
        let name = String(decoding: (start..<nameEnd).map { Self.lowercased(text.clusters[$0].ascii) }, as: UTF8.self)
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let suffix = labels.last,
            suffix.allSatisfy({ $0.isLetter }),
            bareDomainSuffixes.contains(String(suffix)) || (labels[0] == "www" && suffix.count >= 2)
        else { return nil }
        var end = nameEnd
        if nameEnd == runEnd, nameEnd < text.count {
            let hasPort = text.isCharacter(nameEnd, 0x3A) && text.isDigit(nameEnd + 1)
            if text.isCharacter(nameEnd, 0x2F) || text.isCharacter(nameEnd, 0x3F) || text.isCharacter(nameEnd, 0x23)
                || hasPort
            {
                end = trimmedEnd(start, pathEnd(from: nameEnd, in: text), in: text)
            }
        }
        return LinkOccurrence(range: start..<end, host: name)
    }

    /// An ASCII letter, digit, `-` or `.` outside emoji.
    private func isDomainCharacter(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        let ascii = text.clusters[position].ascii
        return (0x61...0x7A).contains(ascii | 0x20) || (0x30...0x39).contains(ascii) || ascii == 0x2D || ascii == 0x2E
    }

    // MARK: Paths

    /// A character that can be part of a URL as people paste it: not whitespace, not an emoji, not a delimiter.
    private func isURLCharacter(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        let traits = text.clusters[position].traits
        return traits.isDisjoint(with: [.whitespace, .pictographic, .ignorable])
            && !Self.delimiters.contains(position, in: text)
    }

    /// The end of the path, query and fragment that start at `position`.
    private func pathEnd(from position: Int, in text: borrowing AnalysedText) -> Int {
        var end = position
        while end < text.count, isURLCharacter(end, in: text) { end += 1 }
        return end
    }

    /// `end` moved back over trailing punctuation and unbalanced closing brackets.
    private func trimmedEnd(_ start: Int, _ end: Int, in text: borrowing AnalysedText) -> Int {
        // Closing minus opening brackets: `)` against `(`, and `]` against `[`.
        var parentheses = 0
        var brackets = 0
        for position in start..<end {
            if text.isCharacter(position, 0x29) {
                parentheses += 1
            } else if text.isCharacter(position, 0x5D) {
                brackets += 1
            } else if text.isCharacter(position, 0x28) {
                parentheses -= 1
            } else if text.isCharacter(position, 0x5B) {
                brackets -= 1
            }
        }
        var end = end
        while end > start {
            if Self.trailingPunctuation.contains(end - 1, in: text) {
                end -= 1
            } else if text.isCharacter(end - 1, 0x29), parentheses > 0 {
                parentheses -= 1
                end -= 1
            } else if text.isCharacter(end - 1, 0x5D), brackets > 0 {
                brackets -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// An ASCII letter in lowercase; other bytes as they are.
    private static func lowercased(_ ascii: UInt8) -> UInt8 {
        ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii
    }
}

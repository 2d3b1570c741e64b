// A frozen copy of the text matcher as it was before its performance rework (commit 59fd492), kept only in the
// test target as the oracle of TextReferenceDifferentialTests. Do not change it: it defines the expected results.

import GroupDomain

extension TextReference {
    /// Finds links in the text for R7b: `http://` and `https://` URLs (in any case, even glued to a word), `www.`
    /// names, and bare domains such as `abc.com.vn/tin-tuc` whose last label is a configured suffix.
    ///
    /// The host is taken the way a browser takes it: after the last `@` of the authority (so
    /// `http://chinhphu.vn@evil.com` leads to `evil.com`), ending at `/`, `\`, `?`, `#` or `:port`. An e-mail address
    /// (`banbientap@daklak.gov.vn`) is not a link. Trailing sentence punctuation and an unbalanced closing bracket are
    /// left out of the link.
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
            return (0x61...0x7A).contains(ascii | 0x20) || (0x30...0x39).contains(ascii) || ascii == 0x2D
                || ascii == 0x2E
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
}

extension TextReference {
    /// A link found in the text: where it is and its host, lowercased, without port, user name or trailing dot.
    struct LinkOccurrence: Sendable {
        /// Character positions of the whole link as written.
        let range: Range<Int>
        /// The host the link leads to: for `http://chinhphu.vn@evil.com/x` that is `evil.com`.
        let host: String
    }
}

extension TextReference {
    /// A list of domains that also covers every subdomain: `gov.vn` holds `gov.vn` and `daklak.gov.vn`, not
    /// `evilgov.vn`.
    struct DomainList: Sendable {
        /// The domains, lowercase.
        let domains: [String]

        init(_ domains: [String]) {
            self.domains = domains.map { $0.lowercased() }
        }

        /// Whether `host` (lowercase) is one of the domains or a subdomain of one. Compared byte by byte.
        func contains(_ host: String) -> Bool {
            let hostBytes = Array(host.utf8)
            for domain in domains {
                let domainBytes = Array(domain.utf8)
                if hostBytes == domainBytes { return true }
                guard hostBytes.count > domainBytes.count else { continue }
                let dot = hostBytes.count - domainBytes.count - 1
                if hostBytes[dot] == UInt8(ascii: "."), hostBytes[(dot + 1)...].elementsEqual(domainBytes) {
                    return true
                }
            }
            return false
        }
    }
}

extension TextReference {
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
}

extension TextReference {
    /// R7e: finds prices written as a number and a unit: `250k`, `35k/kg`, `1tr5`, `50.000đ`, `120.000 VNĐ`, `99₫`.
    ///
    /// The number is ASCII digits with `.` or `,` between groups; at most one space may separate it from the unit;
    /// digits may follow a unit (`1tr5` is 1.5 million). The unit compares ignoring case and the Ð/Đ lookalike, and
    /// must end the word: `50.000 đồng` is not `đ` followed by more letters. Numbers inside links are skipped.
    struct AmountScanner: Sendable {
        /// Each unit as the matching forms of its characters, longest first.
        private let units: [[SyllableKey]]

        init(units: [String]) {
            self.units = units.map { unit in unit.map(VietnameseFolding.key(of:)) }.filter { !$0.isEmpty }
                .sorted { $0.count > $1.count }
        }

        /// The character ranges of every amount, in order.
        func amounts(in text: AnalysedText) -> [Range<Int>] {
            guard !units.isEmpty else { return [] }
            var found: [Range<Int>] = []
            var position = 0
            while position < text.count {
                guard text.isDigit(position), !text.inLink[position], isNumberStart(position, in: text) else {
                    position += 1
                    continue
                }
                var numberEnd = position
                while text.isDigit(numberEnd) { numberEnd += 1 }
                while numberEnd + 1 < text.count,
                    text.characters[numberEnd] == "." || text.characters[numberEnd] == ",",
                    text.isDigit(numberEnd + 1)
                {
                    numberEnd += 1
                    while text.isDigit(numberEnd) { numberEnd += 1 }
                }
                if let end = unitEnd(after: numberEnd, in: text) {
                    found.append(position..<end)
                    position = end
                } else {
                    position = numberEnd
                }
            }
            return found
        }

        /// A number starts here: not after a letter, a digit, or a digit group separator.
        private func isNumberStart(_ position: Int, in text: AnalysedText) -> Bool {
            guard position > 0 else { return true }
            if text.isAlphanumeric(position - 1) { return false }
            let previous = text.characters[position - 1]
            return !((previous == "." || previous == ",") && text.isDigit(position - 2))
        }

        /// The end of a unit (and its trailing digits) that follows the number ending at `numberEnd`.
        private func unitEnd(after numberEnd: Int, in text: AnalysedText) -> Int? {
            var start = numberEnd
            if start < text.count, text.isHorizontalSpace(start), start + 1 < text.count { start += 1 }
            for unit in units {
                let end = start + unit.count
                guard end <= text.count, !text.inLink[start] else { continue }
                let matched = unit.indices.allSatisfy { offset in
                    VietnameseFolding.key(of: text.characters[start + offset]) == unit[offset]
                }
                guard matched else { continue }
                var last = end
                if text.characters[end - 1].isLetter {
                    while text.isDigit(last) { last += 1 }
                }
                if last < text.count, text.isAlphanumeric(last) { continue }
                return last
            }
            return nil
        }
    }
}

extension TextReference {
    /// R7e: finds Vietnamese phone numbers: `0` and 9 or 10 more digits (`0905123456`, `0262.859.9699`), or `+84` and 9
    /// or 10 digits (`+84 905 123 456`), written in one piece or in groups separated by one space, dot or hyphen. The
    /// digit after `0` (or `+84`) is `2`–`9`: no Vietnamese number starts `00` or `01` since the 2018 renumbering.
    ///
    /// When grouped, the first group has at least 3 digits (2 after `+`) and every group at least 2, so numbered lists
    /// ("01 02 03 04 05") and dates ("05.10.2023") are not phone numbers. The longest prefix of groups that forms a
    /// valid number is taken. Numbers inside links are skipped.
    enum PhoneNumberScanner {
        /// The character ranges of every phone number, in order.
        static func phoneNumbers(in text: AnalysedText) -> [Range<Int>] {
            var found: [Range<Int>] = []
            var position = 0
            while position < text.count {
                let plus = text.characters[position] == "+"
                let digitsStart = plus ? position + 1 : position
                guard text.isDigit(digitsStart), !text.inLink[position], isStart(position, in: text) else {
                    position += 1
                    continue
                }
                let groups = digitGroups(from: digitsStart, in: text)
                if let end = longestNumber(groups, plus: plus, in: text) {
                    found.append(position..<end)
                    position = end
                } else {
                    position = groups[0].upperBound
                }
            }
            return found
        }

        /// Not glued to a word, a number or a `+`.
        private static func isStart(_ position: Int, in text: AnalysedText) -> Bool {
            guard position > 0 else { return true }
            let previous = text.characters[position - 1]
            return !text.isAlphanumeric(position - 1) && previous != "+"
                && !((previous == "." || previous == "," || previous == "-") && text.isDigit(position - 2))
        }

        /// The runs of digits from `start`, separated by single spaces, dots or hyphens.
        private static func digitGroups(from start: Int, in text: AnalysedText) -> [Range<Int>] {
            var groups: [Range<Int>] = []
            var position = start
            while true {
                let groupStart = position
                while text.isDigit(position) { position += 1 }
                groups.append(groupStart..<position)
                guard position + 1 < text.count, groups.count < 6 else { break }
                let separator = text.characters[position]
                guard separator == " " || separator == "." || separator == "-", text.isDigit(position + 1) else {
                    break
                }
                position += 1
            }
            return groups
        }

        /// The end of the longest valid number made of the first groups.
        private static func longestNumber(_ groups: [Range<Int>], plus: Bool, in text: AnalysedText) -> Int? {
            for count in stride(from: groups.count, through: 1, by: -1) {
                let used = groups[..<count]
                let end = used[used.endIndex - 1].upperBound
                if end < text.count, text.isAlphanumeric(end) { continue }
                var digits: [UInt8] = []
                for group in used {
                    for position in group { digits.append(text.characters[position].asciiValue ?? 0) }
                }
                if count > 1 {
                    guard used[used.startIndex].count >= (plus ? 2 : 3), used.allSatisfy({ $0.count >= 2 }) else {
                        continue
                    }
                }
                if isValid(digits, plus: plus) { return end }
            }
            return nil
        }

        /// `0` + 9–10 digits, the second from `2` to `9` (landlines 02x, mobiles 03, 05, 07, 08, 09); or (after `+`)
        /// `84` + 9–10 digits, the first from `2` to `9`.
        private static func isValid(_ digits: [UInt8], plus: Bool) -> Bool {
            let areaOrNetwork = UInt8(ascii: "2")...UInt8(ascii: "9")
            if plus {
                guard digits.count == 11 || digits.count == 12 else { return false }
                return digits[0] == UInt8(ascii: "8") && digits[1] == UInt8(ascii: "4")
                    && areaOrNetwork.contains(digits[2])
            }
            guard digits.count == 10 || digits.count == 11 else { return false }
            return digits[0] == UInt8(ascii: "0") && areaOrNetwork.contains(digits[1])
        }
    }
}

extension TextReference {
    /// R7e: collects advertising signals (configured words and phrases by group, price amounts, phone numbers) and
    /// reports **one** match per text when signals from at least ``MatchConfiguration/Adverts/minimumGroups`` different
    /// groups co-occur.
    ///
    /// The match runs from the start of the first signal to the end of the last one, and lists every signal with its
    /// own span in ``TextMatch/signals``; its ``TextMatch/term`` is the signal terms joined by `", "`. Words are
    /// matched as whole words, leftmost and longest first, and a false friend ("đánh giá", "bán kính") cancels an
    /// overlapping signal. A signal inside another (the word "vnđ" inside the amount "120.000 VNĐ") is dropped.
    struct AdvertMatcher: Sendable {
        private let terms: PhraseIndex
        private let falseFriends: PhraseIndex
        private let groupNames: [String]
        private let minimumGroups: Int
        private let amounts: AmountScanner
        private let amountGroup: Int?
        private let phoneGroup: Int?

        /// The term reported for a price amount.
        static let amountTerm = "<amount>"
        /// The term reported for a phone number.
        static let phoneTerm = "<phone>"

        init(_ settings: MatchConfiguration.Adverts) {
            var terms = PhraseIndex()
            for (group, signalGroup) in settings.groups.enumerated() {
                for term in signalGroup.terms { terms.add(term, tag: group) }
            }
            self.terms = terms
            self.falseFriends = PhraseIndex(settings.falseFriends)
            self.groupNames = settings.groups.map(\.name)
            self.minimumGroups = max(1, settings.minimumGroups)
            self.amountGroup = settings.amountGroup.flatMap { settings.groups.map(\.name).firstIndex(of: $0) }
            self.amounts = AmountScanner(units: amountGroup == nil ? [] : settings.amountUnits)
            self.phoneGroup = settings.phoneGroup.flatMap { settings.groups.map(\.name).firstIndex(of: $0) }
        }

        /// A signal before it becomes an ``EvidenceSignal``.
        private struct Found {
            let characters: Range<Int>
            let group: Int
            let term: String
        }

        func matches(in text: AnalysedText) -> [TextMatch] {
            var found: [Found] = []
            if !terms.isEmpty {
                let cover = PhraseCover(falseFriends, in: text)
                for occurrence in terms.leftmostLongest(in: text, accept: { !cover.cancels($0.tokens) }) {
                    let entry = terms.entries[occurrence.entry]
                    found.append(
                        Found(
                            characters: text.characterRange(ofTokens: occurrence.tokens),
                            group: entry.tag,
                            term: entry.term
                        )
                    )
                }
            }
            if let amountGroup {
                found += amounts.amounts(in: text).map {
                    Found(characters: $0, group: amountGroup, term: Self.amountTerm)
                }
            }
            if let phoneGroup {
                found += PhoneNumberScanner.phoneNumbers(in: text).map {
                    Found(characters: $0, group: phoneGroup, term: Self.phoneTerm)
                }
            }
            found.sort {
                ($0.characters.lowerBound, -$0.characters.count) < ($1.characters.lowerBound, -$1.characters.count)
            }
            var signals: [Found] = []
            var coveredUntil = 0
            for signal in found where signals.isEmpty || signal.characters.upperBound > coveredUntil {
                signals.append(signal)
                coveredUntil = signal.characters.upperBound
            }

            var groups: [Int] = []
            for signal in signals where !groups.contains(signal.group) { groups.append(signal.group) }
            guard groups.count >= minimumGroups, let first = signals.first, let last = signals.last else { return [] }

            let advertSignals = signals.map { signal in
                let (slice, utf8, utf16) = text.span(signal.characters)
                return EvidenceSignal(
                    group: groupNames[signal.group],
                    term: signal.term,
                    text: slice,
                    utf8Range: utf8,
                    utf16Range: utf16
                )
            }
            let termList = signals.map(\.term).joined(separator: ", ")
            let names = groups.map { groupNames[$0] }
            return [
                text.match(
                    .r7e,
                    .advert,
                    characters: first.characters.lowerBound..<last.characters.upperBound,
                    term: termList,
                    message: MatchMessages.advert(groups: names, terms: termList),
                    signals: advertSignals
                )
            ]
        }
    }
}

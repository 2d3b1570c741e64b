// A frozen copy of the text matcher as it was before its performance rework (commit 59fd492), kept only in the
// test target as the oracle of TextReferenceDifferentialTests. Do not change it: it defines the expected results.

import GroupDomain

/// The reference implementation of the text matcher: the code of commit 59fd492, unchanged but for this namespace.
enum TextReference {}

extension TextReference {
    /// Finds the evidence for the content rules R7a–R7e in a post's text: classification stamps, links outside the
    /// official domains, listed unlawful or offensive words, emoji and emoticons, and advertising.
    ///
    /// Every match carries the text exactly as written and its span in the original string (UTF-8 and UTF-16 offsets),
    /// whatever normalisation form the text arrived in. Matching itself:
    /// - works on grapheme clusters and compares words by ``SyllableKey``: case, NFC/NFD, tone-mark placement
    ///   ("hoà"/"hòa") and the Ð/Đ lookalike are ignored, **diacritics never** ("mật" ≠ "mat");
    /// - matches words and phrases as whole words only; false friends cancel an overlapping term;
    /// - finds links first, and never looks for words, emoticons or signals inside a link.
    ///
    /// ```swift
    /// let matcher = TextMatcher()
    /// for match in matcher.matches(in: "Gửi tài liệu TỐI MẬT 👍") {
    ///     print(match.rule, match.kind, match.text, match.utf16Range)  // R7a classifiedStamp …, R7d emoji …
    /// }
    /// ```
    ///
    /// A match is evidence for a person to review, never a verdict. Text in images, PDFs and stickers is not seen here.
    struct TextMatcher: Sendable {
        /// The configuration the matcher was built from.
        let configuration: MatchConfiguration

        private let stamps: StampMatcher
        private let linkScanner: LinkScanner
        private let officialDomains: DomainList
        private let platformDomains: DomainList
        private let unlawfulWords: WordListMatcher
        private let offensiveWords: WordListMatcher
        private let emoticons: EmoticonMatcher
        private let emoji: EmojiClassifier
        private let adverts: AdvertMatcher

        /// Compiles `configuration`. Entries that are not whole words are ignored (``MatchConfiguration/init(json:)``
        /// rejects them).
        init(configuration: MatchConfiguration = .default) {
            self.configuration = configuration
            stamps = StampMatcher(configuration.stamps)
            linkScanner = LinkScanner(
                bareDomainSuffixes: Set(configuration.links.bareDomainSuffixes.map { $0.lowercased() })
            )
            officialDomains = DomainList(configuration.links.officialDomains)
            platformDomains = DomainList(configuration.links.platformDomains)
            unlawfulWords = WordListMatcher(rule: .r7c, configuration.unlawfulWords)
            offensiveWords = WordListMatcher(rule: .r7d, configuration.offensiveWords)
            emoticons = EmoticonMatcher(configuration.emoticons)
            emoji = EmojiClassifier(configuration.emoji)
            adverts = AdvertMatcher(configuration.adverts)
        }

        /// Every match in `text`, ordered by position (then by rule).
        ///
        /// - Parameter text: A post's text, attachment title or link title, as received (NFC, NFD or mixed).
        /// - Returns: The matches; an empty array when nothing matched. Emoji give one match per emoji; an advert gives
        ///   at most one match for the whole text.
        func matches(in text: String) -> [TextMatch] {
            var analysed = AnalysedText(text)
            let links = linkScanner.links(in: analysed)
            analysed.markLinks(links.map(\.range))
            analysed.tokenize()

            var found = stamps.matches(in: analysed)
            for link in links where !officialDomains.contains(link.host) && !platformDomains.contains(link.host) {
                found.append(
                    analysed.match(
                        .r7b,
                        .unofficialLink,
                        characters: link.range,
                        term: link.host,
                        message: MatchMessages.unofficialLink(link.host)
                    )
                )
            }
            found += unlawfulWords.matches(in: analysed)
            found += offensiveWords.matches(in: analysed)
            for position in 0..<analysed.count where emoji.counts(analysed.characters[position]) {
                let symbol = String(analysed.characters[position])
                found.append(
                    analysed.match(
                        .r7d,
                        .emoji,
                        characters: position..<(position + 1),
                        term: symbol,
                        message: MatchMessages.emoji(symbol)
                    )
                )
            }
            found += emoticons.matches(in: analysed)
            found += adverts.matches(in: analysed)
            found.sort { left, right in
                (left.utf8Range.lowerBound, left.rule, left.utf8Range.upperBound)
                    < (right.utf8Range.lowerBound, right.rule, right.utf8Range.upperBound)
            }
            return found
        }
    }
}

extension TextReference {
    /// The short Vietnamese and English explanations attached to each ``TextMatch``, quoting the seed decision's words.
    enum MatchMessages {
        /// R7a, a classification stamp.
        static func stamp(_ term: String) -> (vi: String, en: String) {
            (
                "Dấu chỉ độ mật “\(term)”: không đăng tải văn bản, thông tin có tính chất “Mật”, “Tối mật”, "
                    + "“Tuyệt mật” lên nhóm (R7a).",
                "Classification stamp “\(term)”: documents and information classified as state secrets must not be "
                    + "posted in the group (R7a)."
            )
        }

        /// R7b, a link to a host outside the official domains.
        static func unofficialLink(_ host: String) -> (vi: String, en: String) {
            (
                "Liên kết đến \(host), không thuộc danh sách nguồn chính thống: "
                    + "cần kiểm tra nguồn gốc thông tin (R7b).",
                "Link to \(host), which is not on the list of official sources: check where the information comes from "
                    + "(R7b)."
            )
        }

        /// R7c, a listed unlawful or insulting word.
        static func unlawfulWord(_ term: String) -> (vi: String, en: String) {
            (
                "Từ ngữ “\(term)” trong danh sách vi phạm pháp luật, xúc phạm danh dự, nhân phẩm (R7c).",
                "“\(term)” is on the list of unlawful or insulting wording (R7c)."
            )
        }

        /// R7d, a listed offensive word.
        static func offensiveWord(_ term: String) -> (vi: String, en: String) {
            (
                "Từ ngữ phản cảm “\(term)” (R7d).",
                "“\(term)” is on the list of offensive words (R7d)."
            )
        }

        /// R7d, an emoji.
        static func emoji(_ emoji: String) -> (vi: String, en: String) {
            (
                "Biểu tượng (icon) thể hiện cảm xúc cá nhân: \(emoji) (R7d).",
                "Emoji \(emoji), an icon expressing personal emotion (R7d)."
            )
        }

        /// R7d, an ASCII emoticon or Zalo shortcode.
        static func emoticon(_ term: String) -> (vi: String, en: String) {
            (
                "Biểu tượng cảm xúc dạng ký tự “\(term)” (R7d).",
                "Emoticon “\(term)”, an icon expressing personal emotion (R7d)."
            )
        }

        /// R7e, co-occurring advertising signals.
        static func advert(groups: [String], terms: String) -> (vi: String, en: String) {
            let groupList = groups.joined(separator: ", ")
            return (
                "Dấu hiệu quảng cáo, mua bán (\(groupList)): \(terms) (R7e).",
                "Signs of advertising or selling (\(groupList)): \(terms) (R7e)."
            )
        }
    }
}

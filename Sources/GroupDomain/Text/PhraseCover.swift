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

/// Where the false friends of a rule occur, so that a term they overlap can be cancelled.
///
/// The rule: a term occurrence is cancelled when some false-friend occurrence shares a token with it and is not
/// entirely inside it. "mật" in "mật khẩu" and in "bảo mật" is cancelled; a configured term that itself contains a
/// false friend (say "bán hàng online" against "bán hàng") is more specific and stands.
struct PhraseCover: Sendable {
    /// The token ranges of the false friends (none empty), by lower bound.
    private let ranges: [Range<Int>]
    /// The length of the longest range.
    private let longest: Int

    /// The cover of the occurrences of `falseFriends` (and of any extra ranges) in `text`.
    init(_ falseFriends: PhraseIndex, in text: borrowing AnalysedText, extra: [Range<Int>] = []) {
        var ranges: [Range<Int>] = []
        var longest = 0
        for occurrence in falseFriends.allOccurrences(in: text) where !occurrence.tokens.isEmpty {
            ranges.append(occurrence.tokens)
            longest = max(longest, occurrence.tokens.count)
        }
        if !extra.isEmpty {
            for range in extra where !range.isEmpty {
                ranges.append(range)
                longest = max(longest, range.count)
            }
            ranges.sort { $0.lowerBound < $1.lowerBound }
        }
        self.ranges = ranges
        self.longest = longest
    }

    /// Whether a false friend overlaps `tokens` without lying inside it.
    func cancels(_ tokens: Range<Int>) -> Bool {
        guard !ranges.isEmpty, !tokens.isEmpty else { return false }
        // The first range that may reach into `tokens`: one that starts `longest` tokens before it cannot.
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound + longest <= tokens.lowerBound { low = middle + 1 } else { high = middle }
        }
        for range in ranges[low...] {
            guard range.lowerBound < tokens.upperBound else { break }
            if range.upperBound > tokens.lowerBound
                && (range.lowerBound < tokens.lowerBound || range.upperBound > tokens.upperBound)
            {
                return true
            }
        }
        return false
    }
}

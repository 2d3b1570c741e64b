/// A term as people type it without diacritics ("óc chó" → "oc cho", "đồ khốn" → "do khon"), for the R7c terms that
/// ``MatchConfiguration/UnlawfulEvidence/unaccented`` lists.
///
/// The spelling keeps every character that is not a letter or digit (the spaces between syllables) and lowercases
/// the rest. Matching the result against a text's words is exact, so a word that carries marks must carry the marks of
/// the term: "ốc chó" (with the wrong marks) never reads as "oc cho".
enum UnaccentedSpelling {
    /// `term` without diacritics, or `nil` when it has none to take off or has a letter outside Vietnamese Latin.
    static func of(_ term: String) -> String? {
        var result = ""
        var changed = false
        for character in term {
            guard character.isLetter || character.isNumber else {
                result.append(character)
                continue
            }
            let key = VietnameseFolding.key(of: character)
            guard let base = StampRecall.base(of: key) else { return nil }
            let plain = Character(Unicode.Scalar(base))
            if key.tone != 0 || String(plain) != key.letters { changed = true }
            result.append(plain)
        }
        return changed ? result : nil
    }
}

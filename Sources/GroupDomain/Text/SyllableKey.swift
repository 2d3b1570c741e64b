/// A word token (a Vietnamese syllable, or a run of letters and digits) in the form the matcher compares.
///
/// ``letters`` is the token in lowercase with every Vietnamese tone mark taken off its vowel; ``tone`` says which tone
/// mark was taken off. The vowel-quality marks (circumflex, breve, horn) and `đ` stay in ``letters``, and the tone is
/// kept, so diacritics still decide: "mật" ≠ "mất" ≠ "mặt" ≠ "mat". Only the *position* of the tone mark is
/// forgotten, so the old and the new placements compare equal ("hoà" = "hòa", "thuý" = "thúy", "khoẻ" = "khỏe").
/// Because `String` compares by canonical equivalence, NFC and NFD spellings give equal keys.
struct SyllableKey: Hashable, Sendable {
    /// The lowercase letters and digits with tone marks removed.
    var letters: String = ""
    /// ``VietnameseFolding/Tone`` raw value; ``VietnameseFolding/malformedTone`` when a token carries two tones.
    var tone: UInt8 = 0
}

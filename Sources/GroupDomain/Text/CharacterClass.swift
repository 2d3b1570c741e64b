/// Everything the matcher asks about one character (grapheme cluster), worked out once from the `Character`: its
/// ``CharacterTraits``, its `asciiValue`, and its matching form as canonical bytes.
struct CharacterClass: Sendable {
    /// The Unicode properties the matcher tests.
    let traits: CharacterTraits
    /// `Character.asciiValue` (LF for CR LF), or ``notASCII``.
    let ascii: UInt8
    /// The matching form (``VietnameseFolding/fold(_:)``); `nil` when it is not made of ``LatinCharacters``, and then
    /// the matcher compares ``SyllableKey``s built by ``VietnameseFolding/append(_:to:)`` instead.
    let fold: CharacterFold?

    /// The ``ascii`` of a character that has no `asciiValue`.
    static let notASCII: UInt8 = 0xFF

    /// The class of `character`.
    init(_ character: Character) {
        traits = CharacterTraits(character)
        ascii = character.asciiValue ?? Self.notASCII
        fold = VietnameseFolding.fold(character)
    }
}

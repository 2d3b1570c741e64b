/// A character of an analysed text that is not one ``LatinCharacters`` scalar on its own: an emoji, a letter with
/// combining marks (NFD), a CJK character, CR LF. Its class is worked out from the `Character` itself.
struct ComplexCharacter: Sendable {
    /// The character as written.
    let character: Character
    /// Its class.
    let characterClass: CharacterClass
    /// The ``LatinCharacters`` scalar it is canonically equivalent to ("e" and U+0302 for "ê"), or
    /// ``TextCluster/noScalar``.
    let equivalent: UInt32
    /// Its ``VietnameseFolding/key(of:)`` and the key's `hashValue`, when its class has no fold: worked out once, so
    /// that looking the key up hashes no `String`.
    let key: (key: SyllableKey, hashValue: Int)?
    /// Its first scalar.
    let firstScalar: Unicode.Scalar
    /// Its length in UTF-8 bytes.
    let utf8Count: Int
    /// Its length in UTF-16 code units.
    let utf16Count: Int

    init(_ character: Character) {
        self.character = character
        characterClass = CharacterClass(character)
        let key = characterClass.fold == nil ? VietnameseFolding.key(of: character) : nil
        self.key = key.map { ($0, $0.hashValue) }
        equivalent = LatinCharacters.equivalent(of: character)?.value ?? TextCluster.noScalar
        firstScalar = character.unicodeScalars.first!
        utf8Count = character.utf8.count
        utf16Count = character.utf16.count
    }
}

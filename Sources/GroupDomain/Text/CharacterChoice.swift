/// A set of characters that positions of an ``AnalysedText`` are tested against, answering as `Set<Character>`
/// would (by canonical equivalence), by a table look-up for ``LatinCharacters``.
struct CharacterChoice: Sendable {
    /// The characters.
    let characters: Set<Character>
    /// For each ``LatinCharacters`` scalar, in table order, whether its character is in ``characters``.
    private let latin: [Bool]

    init(_ characters: Set<Character>) {
        self.characters = characters
        latin = LatinCharacters.scalars.map { characters.contains(Character($0)) }
    }

    /// Whether the character at `position` of `text` is one of ``characters``.
    func contains(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        let cluster = text.clusters[position]
        guard cluster.complex < 0 else { return characters.contains(text.character(at: position)) }
        return latin[LatinCharacters.index(cluster.scalar)!]
    }
}

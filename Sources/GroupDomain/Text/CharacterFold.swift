/// The matching form of one character (what ``VietnameseFolding/append(_:to:)`` adds to a ``SyllableKey``) as the
/// UTF-8 bytes of ``LatinCharacters`` scalars, which are canonical: two folds spell canonically equivalent letters
/// exactly when their bytes are equal. A word's form is its characters' folds end to end.
///
/// Only folds of at most 8 bytes are kept inline; ``VietnameseFolding/fold(_:)`` has none for longer ones.
struct CharacterFold: Sendable {
    /// The bytes, the first in the lowest 8 bits.
    private(set) var bytes: UInt64 = 0
    /// The number of bytes.
    private(set) var count: UInt8 = 0
    /// The tone the character adds to its syllable: 0 for none, a ``VietnameseFolding/Tone`` raw value, or
    /// ``VietnameseFolding/malformedTone`` for a character that carries two.
    var tone: UInt8 = 0

    /// Adds the UTF-8 bytes of `scalar`; `false` (and nothing added) when they do not fit.
    mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        guard Int(count) + scalar.utf8.count <= 8 else { return false }
        for byte in scalar.utf8 {
            bytes |= UInt64(byte) << (8 * UInt64(count))
            count += 1
        }
        return true
    }

    /// Appends the bytes to `buffer`.
    func write(to buffer: inout [UInt8]) {
        var rest = bytes
        for _ in 0..<count {
            buffer.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    /// `hash` after the bytes (``SyllableVocabulary/hash(_:adding:)``).
    @inline(__always)
    func hashed(_ hash: UInt64) -> UInt64 {
        var hash = hash
        var rest = bytes
        for _ in 0..<count {
            hash = SyllableVocabulary.hash(hash, adding: UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return hash
    }

    /// Whether `expected` continues with the bytes at `index`; moves `index` past them when it does.
    @inline(__always)
    func isPrefix(of expected: ArraySlice<UInt8>, at index: inout Int) -> Bool {
        var rest = bytes
        for _ in 0..<count {
            guard index < expected.endIndex, expected[index] == UInt8(truncatingIfNeeded: rest) else { return false }
            index += 1
            rest >>= 8
        }
        return true
    }
}

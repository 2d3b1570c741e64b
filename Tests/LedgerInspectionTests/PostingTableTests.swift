import GroupDomain
import TestSupport
import Testing

@testable import LedgerInspection

/// The word index as a snapshot saves it and a resume searches it in place: the same answers as a plain
/// dictionary, however the words are split between saved, added and forgotten, and no hostile table accepted.
@Suite struct PostingTableTests {
    /// Words that share prefixes, differ only past ASCII, or sort differently as numbers and as bytes.
    static let words = [
        "a", "ab", "abc", "b", "ba", "bao", "báo", "bảo", "cao", "đề", "de", "nghị", "nghi", "z", "ư", "Ω", "0", "10",
        "9", "ña",
    ]

    /// Records `0..<size` each holding a few random words: the reference dictionary.
    static func reference(size: UInt64, random: inout SeededRandom) -> [String: [UInt64]] {
        var index: [String: [UInt64]] = [:]
        for seq in 0..<size {
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let word = words.randomElement(using: &random)!
                if index[word]?.last != seq { index[word, default: []].append(seq) }
            }
        }
        return index
    }

    /// A word index holding `reference`'s records below `savedSize` as a saved table (read back from its bytes,
    /// as a resume does) and the rest as added words.
    static func split(_ reference: [String: [UInt64]], savedSize: UInt64, size: UInt64) throws -> WordIndex {
        var saved = WordIndex()
        for word in reference.keys.sorted() {
            for seq in reference[word]! where seq < savedSize { saved.add(word, seq) }
        }
        var index = WordIndex(saved: try PostingTable(validating: saved.sealed().bytes, size: size))
        var later: [(UInt64, String)] = []
        for (word, seqs) in reference { later += seqs.filter { $0 >= savedSize }.map { ($0, word) } }
        for (seq, word) in later.sorted(by: { $0.0 < $1.0 }) { index.add(word, seq) }
        return index
    }

    @Test(arguments: [0, 1, 37, 200] as [UInt64])
    func savedAndAddedWordsAnswerLikeADictionary(savedSize: UInt64) throws {
        var random = SeededRandom(seed: 0x5EA4C8 + savedSize)
        let size: UInt64 = 200
        var reference = Self.reference(size: size, random: &random)
        var index = try Self.split(reference, savedSize: savedSize, size: size)
        for word in Self.words + ["", "abcd", "bá", "missing"] {
            #expect(index.records(of: word) == reference[word] ?? [], "\(word)")
        }

        // Withheld records leave every word, saved or added; a word left without records is gone.
        for seq: UInt64 in [3, 36, 37, 150, 199] {
            index.forget(seq)
            for word in reference.keys { reference[word]!.removeAll { $0 == seq } }
        }
        reference = reference.filter { !$0.value.isEmpty }
        for word in Self.words { #expect(index.records(of: word) == reference[word] ?? [], "\(word)") }

        // Sealed, it is one table in byte order that reads back to the same answers, equal to an index of
        // added words only.
        let sealed = index.sealed()
        let readBack = WordIndex(saved: try PostingTable(validating: sealed.bytes, size: size))
        #expect(sealed.count == reference.count)
        for word in Self.words { #expect(readBack.records(of: word) == reference[word] ?? [], "\(word)") }
        #expect(readBack == index)
        var allAdded = WordIndex()
        var later: [(UInt64, String)] = []
        for (word, seqs) in reference { later += seqs.map { ($0, word) } }
        for (seq, word) in later.sorted(by: { $0.0 < $1.0 }) { allAdded.add(word, seq) }
        #expect(allAdded == index)
        var order: [[UInt8]] = []
        sealed.forEach { word, _ in order.append(word) }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// A word typed precomposed or decomposed is one word, before a save and after it: the saved table compares
    /// bytes, so both halves keep the words in one normalisation form.
    @Test func aWordFindsItsRecordsWhateverItsNormalisationBeforeAndAfterASave() throws {
        let precomposed = "ma\u{F1}ana"
        let decomposed = "man\u{303}ana"
        #expect(Array(precomposed.utf8) != Array(decomposed.utf8))
        var index = WordIndex()
        index.add(decomposed, 1)
        index.add(precomposed, 2)
        #expect(index.records(of: precomposed) == [1, 2])
        #expect(index.records(of: decomposed) == [1, 2])
        var resumed = WordIndex(saved: try PostingTable(validating: index.sealed().bytes, size: 4))
        #expect(resumed.sealed().count == 1)
        resumed.add(decomposed, 3)
        for query in [precomposed, decomposed] { #expect(resumed.records(of: query) == [1, 2, 3]) }
        #expect(resumed.sealed().count == 1)
    }

    /// One entry's bytes: the word's length and UTF-8, the record count, then the numbers as given (LEB128).
    static func entry(_ word: String, count: UInt64, _ numbers: [UInt64]) -> [UInt8] {
        let sink = ByteSink()
        sink.putVariable(UInt64(word.utf8.count))
        sink.put(raw: Array(word.utf8))
        sink.putVariable(count)
        for number in numbers { sink.putVariable(number) }
        return sink.bytes
    }

    @Test func aHostileTableIsRefusedWithTheReason() throws {
        let good = Self.entry("a", count: 2, [1, 2]) + Self.entry("b", count: 1, [0])
        #expect(try PostingTable(validating: good, size: 4).records(of: "a") == [1, 3])
        let cases: [(bytes: [UInt8], reason: String)] = [
            (Self.entry("b", count: 1, [0]) + Self.entry("a", count: 1, [0]), "out of order"),
            (Self.entry("a", count: 1, [0]) + Self.entry("a", count: 1, [1]), "out of order"),
            (Self.entry("a", count: 0, []), "cannot fit"),
            (Self.entry("a", count: 1 << 40, [0]), "cannot fit"),
            (Self.entry("a", count: 2, [1, 0]), "out of order"),
            (Self.entry("a", count: 2, [1, UInt64.max]), "out of order"),
            (Self.entry("a", count: 1, [4]), "past its size"),
            ([0x05, 0x61], "ends in the middle of a word"),
            (Self.entry("a", count: 1, [0]).dropLast(1) + [0x80], "ends in the middle of a number"),
            ([0x01, 0x61, 0x01] + [UInt8](repeating: 0xFF, count: 10) + [0x01], "too large"),
        ]
        for (bytes, reason) in cases {
            #expect {
                try PostingTable(validating: bytes, size: 4)
            } throws: { error in
                (error as? SnapshotError).map { "\($0)".contains(reason) } ?? false
            }
        }
    }
}

/// A blocked Bloom filter over ``IdDigest``s: says "certainly not present" for most ids a sorted run does not hold,
/// so that a new id costs no read of the run.
///
/// Each id sets six bits inside one 64-byte block (one cache line), chosen from its digest, which is already
/// uniformly random: the block from `high`, the bits from `low`. At ten bits per id about one absent id in a
/// hundred is a false "maybe".
struct IdFilter: Equatable {
    static let bitsPerId = 10
    static let wordsPerBlock = 8
    static let probes = 6

    /// The bits, eight words per block.
    private(set) var words: [UInt64]

    /// An empty filter sized for `capacity` ids.
    init(capacity: Int) {
        let blocks = max(1, (capacity * Self.bitsPerId + 511) / 512)
        words = [UInt64](repeating: 0, count: blocks * Self.wordsPerBlock)
    }

    /// A filter from saved words; the count must be a whole number of blocks.
    init?(words: [UInt64]) {
        guard !words.isEmpty, words.count % Self.wordsPerBlock == 0 else { return nil }
        self.words = words
    }

    var blockCount: Int { words.count / Self.wordsPerBlock }

    mutating func insert(_ digest: IdDigest) {
        let base = blockBase(digest)
        var bits = digest.low
        for _ in 0..<Self.probes {
            words[base + Int(bits >> 6 & 7)] |= 1 << (bits & 63)
            bits >>= 9
        }
    }

    /// `false` when `digest` was certainly never inserted.
    func mayContain(_ digest: IdDigest) -> Bool {
        let base = blockBase(digest)
        var bits = digest.low
        for _ in 0..<Self.probes {
            if words[base + Int(bits >> 6 & 7)] & (1 << (bits & 63)) == 0 { return false }
            bits >>= 9
        }
        return true
    }

    private func blockBase(_ digest: IdDigest) -> Int {
        Int(digest.high.multipliedFullWidth(by: UInt64(blockCount)).high) * Self.wordsPerBlock
    }
}

/// Numbers the syllables of the configured terms, so that a text's tokens are looked up once and then compared as
/// integers: two spellings get the same number exactly when their ``SyllableKey``s are equal.
///
/// Canonical spellings (the usual case) are found in an open-addressing table by a hash of their bytes, which a
/// token computes as it is read, without building a `String` or an array. Every syllable is also kept by its
/// ``SyllableKey``, which compares by canonical equivalence, for the spellings that are not canonical (found by the
/// key's `hashValue`, which a ``ComplexCharacter`` works out once); and when some configured syllable has no canonical
/// spelling, a canonical spelling missing from the table is looked up by its key too, so a syllable is never missed.
struct SyllableVocabulary: Sendable {
    /// The number of a spelling that is no configured syllable.
    static let unknown: Int32 = -1

    /// A canonical spelling in the table.
    private struct Entry: Sendable {
        /// Where its bytes start in ``bytes``.
        let start: Int
        /// How many bytes it has.
        let count: Int
        let tone: UInt8
        let hash: UInt64
        let syllable: Int32
    }

    /// The bytes of every entry, end to end.
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing over ``entries``: an entry index or -1; the count is a power of two, at least twice the number
    /// of entries.
    private var slots: [Int32] = Array(repeating: -1, count: 8)
    /// Every syllable's key, by number.
    private var keys: [SyllableKey] = []
    /// Syllable numbers by the `hashValue` of their key.
    private var byKeyHash: [Int: [Int32]] = [:]
    /// Whether some syllable has no canonical spelling in the table.
    private var hasKeyOnlySyllables = false

    init() {}

    // MARK: Numbering

    /// The number of `spelling`'s syllable, numbering it first if it is new.
    mutating func insert(_ spelling: SyllableSpelling) -> Int32 {
        switch spelling {
        case .canonical(let spellingBytes, let tone):
            let hash = Self.hash(spellingBytes, tone: tone)
            if let syllable = find(hash, spellingBytes.count, tone, spelledAs: { $0.elementsEqual(spellingBytes) }) {
                return syllable
            }
            let key = SyllableKey(letters: String(decoding: spellingBytes, as: UTF8.self), tone: tone)
            let syllable = numberIfNew(key)
            add(Entry(start: bytes.count, count: spellingBytes.count, tone: tone, hash: hash, syllable: syllable))
            bytes += spellingBytes
            return syllable
        case .other(let key):
            let known = syllable(key, hashValue: key.hashValue)
            guard known == Self.unknown else { return known }
            hasKeyOnlySyllables = true
            return numberIfNew(key)
        }
    }

    /// The number of `key`, giving it the next number if it has none.
    private mutating func numberIfNew(_ key: SyllableKey) -> Int32 {
        let hashValue = key.hashValue
        let known = syllable(key, hashValue: hashValue)
        guard known == Self.unknown else { return known }
        let syllable = Int32(keys.count)
        keys.append(key)
        byKeyHash[hashValue, default: []].append(syllable)
        return syllable
    }

    /// Adds an entry to the table, growing it to keep it at most half full.
    private mutating func add(_ entry: Entry) {
        entries.append(entry)
        if entries.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for index in entries.indices { place(index) }
        } else {
            place(entries.count - 1)
        }
    }

    /// Puts entry `index` in the first free slot of its probe sequence.
    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    // MARK: Looking up

    /// The number of `spelling`'s syllable, or ``unknown``.
    func syllable(_ spelling: SyllableSpelling) -> Int32 {
        switch spelling {
        case .canonical(let spellingBytes, let tone):
            let hash = Self.hash(spellingBytes, tone: tone)
            return find(hash, spellingBytes.count, tone, spelledAs: { $0.elementsEqual(spellingBytes) })
                ?? keyOnlySyllable(spellingBytes, tone: tone)
        case .other(let key):
            return syllable(key, hashValue: key.hashValue)
        }
    }

    /// The number of the syllable whose key is `key`, whose `hashValue` is `hashValue`, or ``unknown``.
    func syllable(_ key: SyllableKey, hashValue: Int) -> Int32 {
        for syllable in byKeyHash[hashValue] ?? [] where keys[Int(syllable)] == key { return syllable }
        return Self.unknown
    }

    /// The number of the syllable of a canonical spelling that is known by its `hash` (``hash(_:tone:)`` of its
    /// bytes), `count` bytes and `tone` rather than by its bytes, as a token or a character works it out while it is
    /// read: `isSpelling` compares it with the bytes of a candidate, and `spelling` gives its bytes (needed only when
    /// some syllable has no canonical spelling).
    @inline(__always)
    func syllable(
        hash: UInt64,
        count: Int,
        tone: UInt8,
        spelling: () -> [UInt8],
        isSpelling: (ArraySlice<UInt8>) -> Bool
    ) -> Int32 {
        if let syllable = find(hash, count, tone, spelledAs: isSpelling) { return syllable }
        return hasKeyOnlySyllables ? keyOnlySyllable(spelling(), tone: tone) : Self.unknown
    }

    /// The syllable of a canonical spelling that is not in the table: one of those without a canonical spelling, or
    /// ``unknown``.
    private func keyOnlySyllable(_ spellingBytes: [UInt8], tone: UInt8) -> Int32 {
        guard hasKeyOnlySyllables else { return Self.unknown }
        let key = SyllableKey(letters: String(decoding: spellingBytes, as: UTF8.self), tone: tone)
        return syllable(key, hashValue: key.hashValue)
    }

    /// The syllable of the entry with this hash, byte count and tone whose bytes pass `isSpelling`.
    @inline(__always)
    private func find(
        _ hash: UInt64,
        _ count: Int,
        _ tone: UInt8,
        spelledAs isSpelling: (ArraySlice<UInt8>) -> Bool
    ) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            guard index >= 0 else { return nil }
            let entry = entries[Int(index)]
            if entry.hash == hash, entry.tone == tone, entry.count == count,
                isSpelling(bytes[entry.start..<(entry.start + entry.count)])
            {
                return entry.syllable
            }
            slot = (slot + 1) & mask
        }
    }

    // MARK: Hashing

    /// The hash of no bytes.
    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// `hash` after one more byte (FNV-1a).
    @inline(__always)
    static func hash(_ hash: UInt64, adding byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The final hash of a spelling whose bytes hashed to `hash`, with its tone, mixed so that the low bits depend on
    /// every byte.
    @inline(__always)
    static func hash(_ hash: UInt64, tone: UInt8) -> UInt64 {
        let mixed = Self.hash(hash, adding: tone)
        return mixed ^ (mixed >> 29)
    }

    /// The hash of a spelling.
    static func hash(_ spellingBytes: [UInt8], tone: UInt8) -> UInt64 {
        var hash = hashSeed
        for byte in spellingBytes { hash = Self.hash(hash, adding: byte) }
        return Self.hash(hash, tone: tone)
    }
}

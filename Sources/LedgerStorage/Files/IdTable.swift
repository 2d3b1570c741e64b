import CKernel
import LedgerCore

/// The event ids already in the ledger, for duplicate detection: an open-addressing hash table of ``IdDigest``
/// (the digest is already uniformly random, so its low bits are the slot) mapping to the record's seq.
///
/// It holds the ids of the newest records (see ``IdIndex``) and of an append in progress; a `Dictionary` would
/// spend most of its time rehashing with SipHash.
struct IdTable {
    /// Three words per slot: digest high, digest low, seq + 1 (0 marks an empty slot).
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var capacity = 1024
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity * 3)
        mask = capacity - 1
    }

    /// The seq of the record with this id digest, if any.
    func seq(of digest: IdDigest) -> UInt64? {
        var slot = Int(truncatingIfNeeded: digest.low) & mask
        while true {
            let base = slot * 3
            let stored = slots[base + 2]
            if stored == 0 { return nil }
            if slots[base] == digest.high && slots[base + 1] == digest.low { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Starts loading the slot where a lookup of `digest` begins, so that a lookup a few events later finds it in
    /// the cache: in a large table each lookup is otherwise a cache miss, and on a large append those misses were
    /// most of the appending thread's own time. `mutating` only so that a call on a table kept in a class property
    /// borrows it: a non-mutating call retained and released the table's buffer around the hint.
    mutating func prefetch(_ digest: IdDigest) {
        let base = (Int(truncatingIfNeeded: digest.low) & mask) * 3
        slots.withUnsafeBufferPointer { groupledger_prefetch($0.baseAddress! + base) }
    }

    /// Records `digest` at `seq`; an id already present keeps its first seq.
    mutating func insert(_ digest: IdDigest, seq: UInt64) {
        if (count + 1) * 2 > mask + 1 { grow() }
        var slot = Int(truncatingIfNeeded: digest.low) & mask
        while true {
            let base = slot * 3
            if slots[base + 2] == 0 {
                slots[base] = digest.high
                slots[base + 1] = digest.low
                slots[base + 2] = seq + 1
                count += 1
                return
            }
            if slots[base] == digest.high && slots[base + 1] == digest.low { return }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with every digest and its seq, in no particular order.
    func forEach(_ body: (IdDigest, UInt64) -> Void) {
        for slot in 0...mask where slots[slot * 3 + 2] != 0 {
            body(IdDigest(high: slots[slot * 3], low: slots[slot * 3 + 1]), slots[slot * 3 + 2] - 1)
        }
    }

    /// The entries in ``IdRun`` order (by digest): placed into 65,536 buckets by their digest's first 16 bits, then
    /// each bucket sorted. Digests are SHA-256 output, so buckets hold a few entries each and this is linear in
    /// practice (a sort of a whole large table took a noticeable part of a large append's commit); ids chosen to
    /// share a prefix only make one bucket's sort larger.
    func sortedByDigest() -> [(digest: IdDigest, seq: UInt64)] {
        let bucketCount = 1 << 16
        func bucket(_ digest: IdDigest) -> Int { Int(truncatingIfNeeded: digest.high >> 48) }
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        forEach { digest, _ in starts[bucket(digest) + 1] += 1 }
        for index in 0..<bucketCount { starts[index + 1] += starts[index] }
        var next = starts
        var entries = [(digest: IdDigest, seq: UInt64)](unsafeUninitializedCapacity: count) { buffer, initialized in
            forEach { digest, seq in
                let slot = bucket(digest)
                (buffer.baseAddress! + next[slot]).initialize(to: (digest, seq))
                next[slot] += 1
            }
            initialized = count
        }
        for index in 0..<bucketCount where starts[index + 1] - starts[index] > 1 {
            entries[starts[index]..<starts[index + 1]].sort { IdRun.orders($0.digest, before: $1.digest) }
        }
        return entries
    }

    private mutating func grow() {
        var larger = IdTable(minimumCapacity: mask + 1)
        forEach { larger.insert($0, seq: $1) }
        self = larger
    }
}

import LedgerCore

/// The event ids already in the ledger, for duplicate detection: an open-addressing hash table of ``IdDigest``
/// (the digest is already uniformly random, so its low bits are the slot) mapping to the record's seq.
///
/// Built at open from the index files; 1,000,000 ids take about 48 MB and a few milliseconds, where a
/// `Dictionary` spends most of its time rehashing with SipHash.
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

    private mutating func grow() {
        var larger = IdTable(minimumCapacity: mask + 1)
        forEach { larger.insert($0, seq: $1) }
        self = larger
    }
}

extension IdTable {
    static let magic: [UInt8] = Array("GLIDS1\n\0".utf8)
    static let headerSize = 96

    /// The table as a file: `"GLIDS1\n\0"` ‖ capacity u64 ‖ count u64 ‖ covered u64 ‖ leaf hash of record
    /// `covered - 1` (32) ‖ SHA-256 of the 64 bytes before, then the slots as little-endian words. `covered` says
    /// which records' ids it holds, all of `0..<covered`; the leaf hash ties it to this ledger's history.
    func encoded(covered: UInt64, anchor: Hash, sha: SHA256) -> [UInt8] {
        var out = IdTable.magic
        out.reserveCapacity(IdTable.headerSize + slots.count * 8)
        for word in [UInt64(mask + 1), UInt64(count), covered] {
            withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) }
        }
        anchor.append(to: &out)
        out.append(contentsOf: sha.hash(out).bytes)
        if UInt64(1).littleEndian == 1 {
            slots.withUnsafeBytes { out.append(contentsOf: $0) }
        } else {
            for word in slots { withUnsafeBytes(of: word.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    /// Reads a table written by ``encoded(covered:anchor:sha:)`` straight into memory (one `pread` of the slots);
    /// `nil` if the header is damaged or the size is wrong. The caller checks `anchor` against the ledger.
    static func read(
        _ file: LedgerFile,
        sha: SHA256
    ) throws(LedgerError) -> (table: IdTable, covered: UInt64, anchor: Hash)? {
        let header = try file.read(upTo: headerSize, at: 0)
        guard header.count == headerSize, Array(header[0..<8]) == magic,
            sha.hash(Array(header[0..<64])) == Hash(bytes: header[64..<96]),
            let anchor = Hash(bytes: header[32..<64])
        else { return nil }
        let capacity = Int(SegmentFormat.readUInt64(header, at: 8))
        let count = Int(SegmentFormat.readUInt64(header, at: 16))
        let covered = SegmentFormat.readUInt64(header, at: 24)
        guard capacity >= 1024, capacity & (capacity - 1) == 0, count * 2 <= capacity,
            try file.size() == UInt64(headerSize + capacity * 24)
        else { return nil }
        var table = IdTable(minimumCapacity: capacity / 2)
        guard table.mask + 1 == capacity else { return nil }
        var failure: LedgerError?
        let got = table.slots.withUnsafeMutableBytes { raw in
            do throws(LedgerError) { return try file.read(at: UInt64(headerSize), into: raw) } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        guard got == capacity * 24 else { return nil }
        if UInt64(1).littleEndian != 1 {
            for index in table.slots.indices { table.slots[index] = UInt64(littleEndian: table.slots[index]) }
        }
        table.count = count
        return (table, covered, anchor)
    }
}

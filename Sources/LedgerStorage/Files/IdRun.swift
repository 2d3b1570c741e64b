import LedgerCore
import SystemPackage

/// One sorted run of event-id digests on disk, `index/ids.<first>-<end>.run`: the ids of records `first..<end`,
/// sorted, with a fence and a filter held in memory so that a lookup reads at most one block of the file.
///
/// The file is `header ‖ entries ‖ fence ‖ filter`:
/// - header (104 bytes): `"GLIDR1\n\0"` ‖ first u64 ‖ end u64 ‖ entry count u64 ‖ filter blocks u64 ‖ leaf hash of
///   record `end - 1` (32, ties the run to this ledger's history) ‖ SHA-256 of the 72 bytes before, the fence and
///   the filter (32);
/// - entries: per id, digest high u64 ‖ digest low u64 ‖ seq u64, big-endian, in ascending digest order (an id held
///   twice keeps its first seq);
/// - fence: the digest (16 bytes, big-endian) of every 128th entry, starting with the first;
/// - filter: the ``IdFilter``'s words, little-endian.
///
/// Runs are derived data, like the index files: open checks the header, fence and filter against their hash and
/// the anchor against the tree; the entries are not rehashed at open (that would read the whole run), so a
/// damaged entry can hide an id until the run is rebuilt (delete `index/ids.*.run`; the next open rebuilds them
/// from the index files).
struct IdRun {
    static let magic: [UInt8] = Array("GLIDR1\n\0".utf8)
    static let headerSize = 104
    static let entrySize = 24
    static let blockEntries = 128

    /// The records whose ids the run holds: `first..<end`.
    let first: UInt64
    let end: UInt64
    /// How many distinct ids it holds.
    let count: Int
    /// The leaf hash of record `end - 1`.
    let anchor: Hash
    let path: String
    private let file: LedgerFile
    private let fence: [IdDigest]
    private let filter: IdFilter

    /// The seq of the record with this id digest, if the run holds it.
    func seq(of digest: IdDigest) throws(LedgerError) -> UInt64? {
        guard filter.mayContain(digest) else { return nil }
        var low = 0
        var high = fence.count
        while low < high {
            let middle = (low + high) / 2
            if Self.orders(digest, before: fence[middle]) { high = middle } else { low = middle + 1 }
        }
        guard low > 0 else { return nil }
        let start = (low - 1) * Self.blockEntries
        let entries = min(Self.blockEntries, count - start)
        let block = try file.read(at: Self.entryOffset(start), count: entries * Self.entrySize)
        return block.withUnsafeBytes { raw in
            var low = 0
            var high = entries
            while low < high {
                let middle = (low + high) / 2
                let found = Self.digest(in: raw, at: middle * Self.entrySize)
                if found == digest {
                    return BigEndian.read(UInt64.self, from: raw, at: middle * Self.entrySize + 16)
                }
                if Self.orders(found, before: digest) { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// Reads entries `start..<start + limit` (fewer at the end) as bytes, for a merge.
    func entryBytes(from start: Int, limit: Int) throws(LedgerError) -> [UInt8] {
        let entries = min(limit, count - start)
        guard entries > 0 else { return [] }
        return try file.read(at: Self.entryOffset(start), count: entries * Self.entrySize)
    }

    func close() { file.close() }

    static func entryOffset(_ entry: Int) -> UInt64 { UInt64(headerSize + entry * entrySize) }

    static func orders(_ a: IdDigest, before b: IdDigest) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    static func digest(in raw: UnsafeRawBufferPointer, at offset: Int) -> IdDigest {
        IdDigest(
            high: BigEndian.read(UInt64.self, from: raw, at: offset),
            low: BigEndian.read(UInt64.self, from: raw, at: offset + 8)
        )
    }

    /// The run's file name for records `first..<end`.
    static func fileName(first: UInt64, end: UInt64) -> String {
        "ids." + LedgerLayout.stem(first) + "-" + LedgerLayout.stem(end) + ".run"
    }

    /// The records a run's file name says it covers, or `nil` for a name that is not a run's.
    static func range(ofFileName name: String) -> (first: UInt64, end: UInt64)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "ids", parts[2] == "run" else { return nil }
        let bounds = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, bounds.allSatisfy({ $0.count == 20 && $0.allSatisfy(\.isASCII) }),
            let first = UInt64(bounds[0]), let end = UInt64(bounds[1]), first < end
        else { return nil }
        return (first, end)
    }

    /// Opens the run at `path`; `nil` when it cannot be read or is not a whole, undamaged run of `first..<end`.
    static func open(_ path: String, name: String, first: UInt64, end: UInt64) -> IdRun? {
        guard let file = try? LedgerFile.open(path, name: name, .readOnly) else { return nil }
        guard let run = try? load(file, path: path, first: first, end: end) else {
            file.close()
            return nil
        }
        return run
    }

    private static func load(
        _ file: LedgerFile,
        path: String,
        first: UInt64,
        end: UInt64
    ) throws(LedgerError) -> IdRun? {
        let header = try file.read(upTo: headerSize, at: 0)
        guard header.count == headerSize, Array(header[0..<8]) == magic,
            BigEndian.read(UInt64.self, from: header, at: 8) == first,
            BigEndian.read(UInt64.self, from: header, at: 16) == end,
            let anchor = Hash(bytes: header[40..<72]), let stored = Hash(bytes: header[72..<104])
        else { return nil }
        let count = BigEndian.read(UInt64.self, from: header, at: 24)
        let filterBlocks = BigEndian.read(UInt64.self, from: header, at: 32)
        guard count >= 1, count <= end - first, filterBlocks >= 1, filterBlocks <= count else { return nil }
        let fenceCount = (Int(count) + blockEntries - 1) / blockEntries
        let tailOffset = entryOffset(Int(count))
        let tailSize = fenceCount * 16 + Int(filterBlocks) * IdFilter.wordsPerBlock * 8
        guard try file.size() == tailOffset + UInt64(tailSize) else { return nil }
        // Read straight into the words they are kept as: the fence as (high, low) pairs, the filter as is.
        let fenceWords = try readWords(file, count: fenceCount * 2, at: tailOffset)
        let filterWords = try readWords(
            file,
            count: Int(filterBlocks) * IdFilter.wordsPerBlock,
            at: tailOffset + UInt64(fenceCount * 16)
        )
        let hasher = SHA256Stream()
        header[0..<72].withUnsafeBytes { hasher.update($0) }
        fenceWords.withUnsafeBytes { hasher.update($0) }
        filterWords.withUnsafeBytes { hasher.update($0) }
        guard hasher.finish() == stored, var filter = IdFilter(words: filterWords) else { return nil }
        if UInt64(1).littleEndian != 1 {
            filter = IdFilter(words: filterWords.map { UInt64(littleEndian: $0) })!
        }
        let fence = (0..<fenceCount).map {
            IdDigest(high: UInt64(bigEndian: fenceWords[2 * $0]), low: UInt64(bigEndian: fenceWords[2 * $0 + 1]))
        }
        return IdRun(
            first: first,
            end: end,
            count: Int(count),
            anchor: anchor,
            path: path,
            file: file,
            fence: fence,
            filter: filter
        )
    }

    /// `count` words read at `offset` as they are stored (no byte order applied).
    private static func readWords(_ file: LedgerFile, count: Int, at offset: UInt64) throws(LedgerError) -> [UInt64] {
        var failure: LedgerError?
        let words = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(LedgerError) {
                let got = try file.read(at: offset, into: UnsafeMutableRawBufferPointer(buffer))
                initialized = got == count * 8 ? count : 0
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        guard words.count == count else {
            throw LedgerError(.io, "\(file.name): the file ended before byte \(offset + UInt64(count * 8))")
        }
        return words
    }

    fileprivate init(
        first: UInt64,
        end: UInt64,
        count: Int,
        anchor: Hash,
        path: String,
        file: LedgerFile,
        fence: [IdDigest],
        filter: IdFilter
    ) {
        self.first = first
        self.end = end
        self.count = count
        self.anchor = anchor
        self.path = path
        self.file = file
        self.fence = fence
        self.filter = filter
    }
}

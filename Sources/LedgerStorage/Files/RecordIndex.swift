public import LedgerCore
import SystemPackage

/// The digest of an event id used for duplicate detection: the first 16 bytes of SHA-256 of the id's UTF-8 bytes.
/// Two distinct ids share a digest with probability about 2⁻¹²⁸ per pair.
public struct IdDigest: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64

    public init(id: String, sha: SHA256) {
        self.init(hash: sha.hash(Array(id.utf8)))
    }

    /// The digest of `event`'s id, computed now unless the event carries it.
    init(_ event: PreparedEvent, sha: SHA256) {
        if let hash = event.idHash {
            self.init(hash: hash)
        } else {
            self.init(id: event.id, sha: sha)
        }
    }

    init(hash: Hash) {
        high = hash.words.0
        low = hash.words.1
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

/// The per-segment index file: for each record, 24 bytes of `id digest (16) ‖ frame offset u32 ‖ content
/// offset u32` (`0xFFFFFFFF` when the record has no content). It makes `show SEQ` and duplicate checks cheap.
/// It is derived data: never synced on the append path, checked and rebuilt from the segment when it disagrees.
public enum RecordIndex {
    public static let entrySize = 24
    public static let noContent = UInt32.max

    public struct Entry: Equatable, Sendable {
        public var id: IdDigest
        public var frameOffset: UInt32
        public var contentOffset: UInt32
    }

    public static func append(_ entry: Entry, to out: inout [UInt8]) {
        BigEndian.append(entry.id.high, to: &out)
        BigEndian.append(entry.id.low, to: &out)
        BigEndian.append(entry.frameOffset, to: &out)
        BigEndian.append(entry.contentOffset, to: &out)
    }

    /// The entries of the index of the segment starting at `first`; none when it has no index file yet.
    public static func read(_ layout: LedgerLayout, first: UInt64) throws(LedgerError) -> [Entry] {
        let path = layout.indexPath(first)
        guard Directory.exists(path) else { return [] }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        return entries(try file.readAll())
    }

    /// The index entry of the record at `position` in the segment starting at `first`, read alone (24 bytes, not the
    /// whole file); `nil` when the index does not reach it (it may lag: the caller scans the segment instead).
    public static func readEntry(
        _ layout: LedgerLayout,
        first: UInt64,
        position: Int
    ) throws(LedgerError) -> Entry? {
        let path = layout.indexPath(first)
        guard Directory.exists(path) else { return nil }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        let bytes = try file.read(upTo: entrySize, at: UInt64(position) * UInt64(entrySize))
        guard bytes.count == entrySize else { return nil }
        return entries(bytes).first
    }

    public static func entries(_ bytes: [UInt8]) -> [Entry] {
        stride(from: 0, to: bytes.count - bytes.count % entrySize, by: entrySize).map { offset in
            Entry(
                id: IdDigest(
                    high: BigEndian.read(UInt64.self, from: bytes, at: offset),
                    low: BigEndian.read(UInt64.self, from: bytes, at: offset + 8)
                ),
                frameOffset: BigEndian.read(UInt32.self, from: bytes, at: offset + 16),
                contentOffset: BigEndian.read(UInt32.self, from: bytes, at: offset + 20)
            )
        }
    }
}

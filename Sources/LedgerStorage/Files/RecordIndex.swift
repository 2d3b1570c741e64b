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

    private init(hash: Hash) {
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
        SegmentFormat.appendUInt64(entry.id.high, to: &out)
        SegmentFormat.appendUInt64(entry.id.low, to: &out)
        SegmentFormat.appendUInt32(entry.frameOffset, to: &out)
        SegmentFormat.appendUInt32(entry.contentOffset, to: &out)
    }

    public static func entries(_ bytes: [UInt8]) -> [Entry] {
        stride(from: 0, to: bytes.count - bytes.count % entrySize, by: entrySize).map { offset in
            Entry(
                id: IdDigest(
                    high: SegmentFormat.readUInt64(bytes, at: offset),
                    low: SegmentFormat.readUInt64(bytes, at: offset + 8)
                ),
                frameOffset: UInt32(truncatingIfNeeded: SegmentFormat.readUInt64(bytes, at: offset + 12)),
                contentOffset: UInt32(truncatingIfNeeded: SegmentFormat.readUInt64(bytes, at: offset + 16))
            )
        }
    }
}

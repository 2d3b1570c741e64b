/// Settings of a writer.
public struct LedgerOptions: Sendable {
    /// A segment is sealed and a new one started once it, or its content file, reaches this size and holds a
    /// record: checked before each record, so one append spans as many segments as it fills, and a segment or
    /// content file exceeds the target by at most one record's frame (or content entry).
    public var segmentRollBytes: UInt64 = 16 << 20
    /// The writer keeps the event ids of at most about this many recent records in memory (plus those of the
    /// append in progress); older ones are saved in sorted runs, `index/ids.*.run`, with about 1.4 bytes per id
    /// left in memory (see FORMAT.md).
    public var idRunSize = 262_144
    /// `close` saves the recent ids as a run when there are at least this many, so that the next open reads
    /// them from one file instead of the index files.
    public var idRunAtClose = 65_536
    /// The furthest into the live segment or content file one append may write. Records and content are found
    /// through 32-bit offsets (`index/`), so the default is 4 GiB − 1; a batch that would pass it is refused whole
    /// (tests lower it to reach that case).
    public var maxFileOffset: UInt64 = UInt64(UInt32.max - 1)
    /// Where the signing keys live; `nil` for `keys/` inside the ledger. Keeping them outside (`--key-dir`) means
    /// that a copy of the ledger handed to an inspector does not carry the key that could re-sign a rewritten
    /// history.
    public var keyDirectory: String?
    /// The clock that stamps records, in Unix milliseconds. Order comes from sequence numbers, never from it.
    public var clock: @Sendable () -> Int64 = { SystemClock.unixMillis() }
    /// What the writer lock's note says after the pid, for a second writer's refusal: `groupledger serve` tells
    /// it to send events through the HTTP API instead.
    public var lockHolder: String?

    public init() {}

    /// Whether a live segment that ends at `segmentEnd`, its content file at `contentEnd`, is sealed before the
    /// next record.
    func seals(segmentEnd: UInt64, contentEnd: UInt64) -> Bool {
        segmentEnd > UInt64(SegmentFormat.headerSize)
            && (segmentEnd >= segmentRollBytes || contentEnd >= segmentRollBytes)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The wall clock, in milliseconds.
public enum SystemClock {
    public static func unixMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

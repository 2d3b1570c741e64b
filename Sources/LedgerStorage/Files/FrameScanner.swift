public import LedgerCore
import SystemPackage

/// Walks the frames of a segment held in memory, checking each frame's structure and hash.
///
/// The scanner does not judge continuity across records (sequence, `prev`): callers do, because the rules differ
/// between recovery and verification. It stops at the first frame it cannot accept and says why.
public struct FrameScanner {
    /// A frame that passed the structural and hash checks.
    public struct Frame {
        /// Offset of the frame (its length word) in the file.
        public let offset: Int
        /// Where the record bytes start in the file.
        public let recordOffset: Int
        public let recordLength: Int
        public let leafHash: Hash
        /// Offset just past the frame.
        public var end: Int { recordOffset + recordLength + Hash.byteCount }
    }

    /// Why scanning stopped before the end of the bytes.
    public enum Stop: Equatable, Sendable, CustomStringConvertible {
        /// The bytes end inside a frame: `needed` bytes were expected from `offset`.
        case truncated(offset: Int, needed: Int, available: Int)
        /// The length word is impossible (0, below the record header, or above the record limit).
        case badLength(offset: Int, length: Int)
        /// The stored leaf hash differs from the hash of the record bytes.
        case hashMismatch(offset: Int, stored: Hash, computed: Hash)

        public var offset: Int {
            switch self {
            case .truncated(let o, _, _), .badLength(let o, _), .hashMismatch(let o, _, _): o
            }
        }

        /// What is wrong with the frame, for messages (without its offset, which the caller places).
        public var description: String {
            switch self {
            case .truncated(_, let needed, let available): "frame needs \(needed) bytes, \(available) remain"
            case .badLength(_, let length): "impossible record length \(length)"
            case .hashMismatch(_, let stored, let computed):
                "stored leaf hash \(stored.hexPrefix()) but the record hashes to \(computed.hexPrefix())"
            }
        }
    }

    private let sha: SHA256

    public init(sha: SHA256) { self.sha = sha }

    /// Scans `bytes` from `start`, calling `visit` for each good frame; returns why it stopped, or `nil` at the end.
    /// `base` is the file offset of `bytes` when they are a window of the file: offsets in frames and stops are file
    /// offsets.
    public func scan<Failure: Error>(
        _ bytes: UnsafeRawBufferPointer,
        from start: Int,
        base: Int = 0,
        _ visit: (Frame, UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) -> Stop? {
        var offset = start
        while offset < bytes.count {
            guard bytes.count - offset >= 4 else {
                return .truncated(offset: base + offset, needed: 4, available: bytes.count - offset)
            }
            let length = Int(BigEndian.read(UInt32.self, from: bytes, at: offset))
            guard length > Record.headerSize, length <= Record.maxSize else {
                return .badLength(offset: base + offset, length: length)
            }
            let total = 4 + length + Hash.byteCount
            guard bytes.count - offset >= total else {
                return .truncated(offset: base + offset, needed: total, available: bytes.count - offset)
            }
            let record = UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 4 + length)])
            let computed = sha.leafHash(record)
            let stored = Hash(loadingFrom: bytes, at: offset + 4 + length)
            guard computed == stored else {
                return .hashMismatch(offset: base + offset, stored: stored, computed: computed)
            }
            let frame = Frame(
                offset: base + offset,
                recordOffset: base + offset + 4,
                recordLength: length,
                leafHash: computed
            )
            try visit(frame, record)
            offset += total
        }
        return nil
    }
}

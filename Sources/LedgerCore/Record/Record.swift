/// One entry of the ledger: the exact bytes that are hashed into the chain and the Merkle tree.
///
/// The binary layout, big-endian, specified in `docs/FORMAT.md`:
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 1 | format version, `1` |
/// | 1 | 1 | flags: bit 0 content commitment present, bit 1 last record of an append batch, bit 2 ledger event |
/// | 2 | 8 | sequence number (0-based leaf index) |
/// | 10 | 8 | append time, Unix milliseconds UTC (signed) |
/// | 18 | 32 | `prev`: leaf hash of the record before, or 32 zero bytes for record 0 |
/// | 50 | 32 | content commitment `SHA-256(salt ‖ content)`, or 32 zero bytes |
/// | 82 | n | the event envelope without `content`, as RFC 8785 canonical JSON |
///
/// The record's hash is its RFC 6962 leaf hash, `SHA-256(0x00 ‖ bytes)`.
public struct Record: Sendable, Hashable {
    /// The only format version this code writes and reads.
    public static let version: UInt8 = 1
    /// The size of the fixed header before the envelope.
    public static let headerSize = 82
    /// The largest record: the C2SP tlog-tiles entry bundle limit.
    public static let maxSize = 65_535
    /// The largest canonical envelope that fits in a record.
    public static let maxEnvelopeSize = maxSize - headerSize

    /// Flags stored in byte 1.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The record commits to content kept in the content store.
        public static let hasContent = Flags(rawValue: 1 << 0)
        /// The record is the last of an append batch: recovery keeps whole batches only.
        public static let endsBatch = Flags(rawValue: 1 << 1)
        /// The event is written by the ledger itself (`ledger.*` types).
        public static let ledgerEvent = Flags(rawValue: 1 << 2)
        static let known: Flags = [.hasContent, .endsBatch, .ledgerEvent]
    }

    public var seq: UInt64
    public var flags: Flags
    public var appendedAtMillis: Int64
    public var prev: Hash
    /// `SHA-256(salt ‖ content)` when `flags` has `.hasContent`, otherwise `Hash.zero`.
    public var contentCommitment: Hash
    /// The canonical JSON of the envelope without `content`.
    public var envelope: [UInt8]

    public init(
        seq: UInt64,
        flags: Flags,
        appendedAtMillis: Int64,
        prev: Hash,
        contentCommitment: Hash,
        envelope: [UInt8]
    ) {
        self.seq = seq
        self.flags = flags
        self.appendedAtMillis = appendedAtMillis
        self.prev = prev
        self.contentCommitment = contentCommitment
        self.envelope = envelope
    }

    /// The stored bytes.
    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Record.headerSize + envelope.count)
        encode(into: &out)
        return out
    }

    /// Appends the stored bytes to `out`.
    public func encode(into out: inout [UInt8]) {
        envelope.withUnsafeBytes { envelope in
            Record.append(
                seq: seq,
                flags: flags,
                appendedAtMillis: appendedAtMillis,
                prev: prev,
                contentCommitment: contentCommitment,
                envelope: envelope,
                to: &out
            )
        }
    }

    /// Appends the stored bytes of a record given by its fields to `out`: the fixed header (the layout above) in
    /// one piece, then the envelope. What the writer uses to encode a record without making a ``Record``.
    public static func append(
        seq: UInt64,
        flags: Flags,
        appendedAtMillis: Int64,
        prev: Hash,
        contentCommitment: Hash,
        envelope: UnsafeRawBufferPointer,
        to out: inout [UInt8]
    ) {
        withUnsafeTemporaryAllocation(byteCount: headerSize, alignment: 8) { header in
            header[0] = version
            header[1] = flags.rawValue
            header.storeBytes(of: seq.bigEndian, toByteOffset: 2, as: UInt64.self)
            header.storeBytes(of: appendedAtMillis.bigEndian, toByteOffset: 10, as: Int64.self)
            prev.store(to: header, at: 18)
            contentCommitment.store(to: header, at: 50)
            out.append(contentsOf: UnsafeRawBufferPointer(header))
        }
        out.append(contentsOf: envelope)
    }

    /// Decodes stored bytes.
    ///
    /// - Throws: `RecordDecodingError` when the bytes are too short or too long, the version is unknown, an unknown
    ///   flag is set, or the commitment disagrees with the content flag. The envelope is not parsed here.
    public init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        let header = try Record.header(of: bytes)
        self.init(
            seq: header.seq,
            flags: header.flags,
            appendedAtMillis: BigEndian.read(Int64.self, from: bytes, at: 10),
            prev: header.prev,
            contentCommitment: header.contentCommitment,
            envelope: Array(bytes[Record.headerSize...])
        )
    }

    /// Decodes stored bytes. See ``init(decoding:)-(UnsafeRawBufferPointer)``.
    public init(decoding bytes: [UInt8]) throws(RecordDecodingError) {
        let result: Result<Record, RecordDecodingError> = bytes.withUnsafeBytes { buffer in
            do throws(RecordDecodingError) { return .success(try Record(decoding: buffer)) } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// The fixed header fields of stored record bytes, read without copying the envelope: the hot path of
    /// verification.
    public struct Header: Sendable, Equatable {
        public let seq: UInt64
        public let flags: Flags
        public let prev: Hash
        public let contentCommitment: Hash
    }

    /// Reads and checks the fixed header of stored record bytes (same checks as ``init(decoding:)``).
    public static func header(of bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) -> Header {
        guard bytes.count > Record.headerSize else { throw .tooShort(bytes.count) }
        guard bytes.count <= Record.maxSize else { throw .tooLong(bytes.count) }
        guard bytes[0] == Record.version else { throw .unknownVersion(bytes[0]) }
        let flags = Flags(rawValue: bytes[1])
        guard Flags.known.isSuperset(of: flags) else { throw .unknownFlags(bytes[1]) }
        let commitment = Hash(loadingFrom: bytes, at: 50)
        guard flags.contains(.hasContent) == (commitment != .zero) else { throw .commitmentMismatch }
        return Header(
            seq: BigEndian.read(UInt64.self, from: bytes, at: 2),
            flags: flags,
            prev: Hash(loadingFrom: bytes, at: 18),
            contentCommitment: commitment
        )
    }

    /// Reads only the sequence number and `prev` link of stored record bytes, the hot path of verification.
    @inlinable public static func peekSeqAndPrev(_ bytes: UnsafeRawBufferPointer) -> (seq: UInt64, prev: Hash) {
        (BigEndian.read(UInt64.self, from: bytes, at: 2), Hash(loadingFrom: bytes, at: 18))
    }
}

/// Why stored bytes are not a record.
public enum RecordDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(Int)
    case tooLong(Int)
    case unknownVersion(UInt8)
    case unknownFlags(UInt8)
    case commitmentMismatch

    public var description: String {
        switch self {
        case .tooShort(let n): "record of \(n) bytes is shorter than its \(Record.headerSize)-byte header plus envelope"
        case .tooLong(let n): "record of \(n) bytes exceeds the \(Record.maxSize)-byte limit"
        case .unknownVersion(let v):
            "record format version \(v) is unknown (this build reads version \(Record.version))"
        case .unknownFlags(let f): "record flags 0x\(String(f, radix: 16)) set bits this version does not define"
        case .commitmentMismatch: "content flag and content commitment disagree"
        }
    }
}

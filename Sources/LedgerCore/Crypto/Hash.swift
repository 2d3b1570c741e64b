/// A 32-byte SHA-256 digest: a record's leaf hash, a Merkle node, a content commitment.
///
/// Stored as four big-endian words so that it is cheap to copy, compare and use as a dictionary key.
public struct Hash: Hashable, Sendable, Comparable {
    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    @usableFromInline var w3: UInt64

    /// The all-zero value, used as the `prev` link of record 0.
    public static let zero = Hash(w0: 0, w1: 0, w2: 0, w3: 0)

    /// The number of bytes in a hash.
    public static let byteCount = 32

    @inlinable init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Reads a hash from exactly 32 bytes; returns `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        if let hash = bytes.withContiguousStorageIfAvailable({ Hash(loadingFrom: UnsafeRawBufferPointer($0), at: 0) }) {
            self = hash
            return
        }
        var words = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for (index, byte) in bytes.enumerated() {
            switch index / 8 {
            case 0: words.0 = words.0 << 8 | UInt64(byte)
            case 1: words.1 = words.1 << 8 | UInt64(byte)
            case 2: words.2 = words.2 << 8 | UInt64(byte)
            default: words.3 = words.3 << 8 | UInt64(byte)
            }
        }
        self.init(w0: words.0, w1: words.1, w2: words.2, w3: words.3)
    }

    /// Reads a hash from 32 bytes at `offset` in a raw buffer. The caller checks the bounds.
    @inlinable public init(loadingFrom buffer: UnsafeRawBufferPointer, at offset: Int) {
        self.init(
            w0: BigEndian.read(UInt64.self, from: buffer, at: offset),
            w1: BigEndian.read(UInt64.self, from: buffer, at: offset + 8),
            w2: BigEndian.read(UInt64.self, from: buffer, at: offset + 16),
            w3: BigEndian.read(UInt64.self, from: buffer, at: offset + 24)
        )
    }

    /// Parses 64 hexadecimal digits (either case).
    public init?(hex: some StringProtocol) {
        guard let bytes = try? Hex.decode(hex, count: Self.byteCount) else { return nil }
        self.init(bytes: bytes)
    }

    /// Parses standard base64 (with padding) of exactly 32 bytes.
    public init?(base64: some StringProtocol) {
        guard let bytes = Base64.decode(base64), let hash = Hash(bytes: bytes) else { return nil }
        self = hash
    }

    /// The hash as four big-endian 64-bit words, for compact digests such as the id index.
    public var words: (UInt64, UInt64, UInt64, UInt64) { (w0, w1, w2, w3) }

    /// The 32 bytes, most significant first.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        append(to: &out)
        return out
    }

    /// Appends the 32 bytes to `out`.
    @inlinable public func append(to out: inout [UInt8]) {
        Swift.withUnsafeBytes(of: (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)) {
            out.append(contentsOf: $0)
        }
    }

    /// Writes the 32 bytes at `offset` in a raw buffer. The caller checks the bounds.
    @inlinable public func store(to buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.storeBytes(of: w0.bigEndian, toByteOffset: offset, as: UInt64.self)
        buffer.storeBytes(of: w1.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        buffer.storeBytes(of: w2.bigEndian, toByteOffset: offset + 16, as: UInt64.self)
        buffer.storeBytes(of: w3.bigEndian, toByteOffset: offset + 24, as: UInt64.self)
    }

    /// Calls `body` with the 32 bytes, without allocating.
    @inlinable public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var big = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
        return try Swift.withUnsafeBytes(of: &big) { try body($0) }
    }

    /// Lowercase hexadecimal, 64 digits.
    public var hex: String { withUnsafeBytes { Hex.encode($0) } }

    /// The first `digits` hexadecimal digits, for messages ("expected 3f9a0c21d4e7…").
    public func hexPrefix(_ digits: Int = 16) -> String { String(hex.prefix(digits)) }

    /// The hex prefixes of `self` and `other` for a message that they differ: `digits` hex digits, or as many as
    /// it takes (up to all 64) for the two to differ, so that a mismatch never prints the same text twice.
    public func hexPrefixes(against other: Hash, _ digits: Int = 16) -> (String, String) {
        let mine = Array(hex.utf8)
        let theirs = Array(other.hex.utf8)
        let first = mine.indices.first { mine[$0] != theirs[$0] } ?? mine.count - 1
        let count = max(digits, first + 1)
        return (
            String(decoding: mine.prefix(count), as: UTF8.self), String(decoding: theirs.prefix(count), as: UTF8.self)
        )
    }

    /// Standard base64 with padding, as used in checkpoints and proofs.
    public var base64: String { Base64.encode(bytes) }

    public static func < (lhs: Hash, rhs: Hash) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2, lhs.w3) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3)
    }
}

extension Hash: CustomStringConvertible {
    public var description: String { hex }
}

public import LedgerCore
import SystemPackage

/// The byte layout of segment files: a 64-byte header, then frames. See `docs/FORMAT.md` §Segments.
///
/// Header: `"GLSEGv1\n"` (8) ‖ first seq u64 ‖ SHA-256(origin) (32) ‖ 8 zero bytes ‖ first 8 bytes of
/// SHA-256 of the 56 bytes before. Frame: record length u32 ‖ record ‖ the record's leaf hash (32).
public enum SegmentFormat {
    public static let magic: [UInt8] = Array("GLSEGv1\n".utf8)
    public static let headerSize = 64
    /// Bytes a frame adds around its record.
    public static let frameOverhead = 4 + Hash.byteCount

    /// The header of a segment whose first record is `firstSeq`, for the ledger named `origin`.
    public static func header(firstSeq: UInt64, origin: String, sha: SHA256) -> [UInt8] {
        var out = magic
        BigEndian.append(firstSeq, to: &out)
        sha.hash(Array(origin.utf8)).append(to: &out)
        out.append(contentsOf: [UInt8](repeating: 0, count: 8))
        out.append(contentsOf: sha.hash(out).bytes.prefix(8))
        return out
    }

    /// Checks a header read from disk; returns what is wrong, or `nil`.
    public static func headerProblem(
        _ bytes: [UInt8],
        expectedFirstSeq: UInt64,
        origin: String,
        sha: SHA256
    ) -> String? {
        guard bytes.count >= headerSize else {
            return "the \(headerSize)-byte header is cut short (\(bytes.count) bytes)"
        }
        guard Array(bytes[0..<8]) == magic else { return "the file does not start with the segment magic \"GLSEGv1\"" }
        let expected = header(firstSeq: expectedFirstSeq, origin: origin, sha: sha)
        if Array(bytes[56..<64]) != Array(sha.hash(Array(bytes[0..<56])).bytes.prefix(8)) {
            return "the header checksum does not match its bytes"
        }
        if Array(bytes[8..<16]) != Array(expected[8..<16]) {
            return
                "the header says first seq \(BigEndian.read(UInt64.self, from: bytes, at: 8)) but the file name says \(expectedFirstSeq)"
        }
        if Array(bytes[16..<48]) != Array(expected[16..<48]) {
            return "the header belongs to a ledger with another origin"
        }
        if bytes[48..<56].contains(where: { $0 != 0 }) { return "reserved header bytes are not zero" }
        return nil
    }

    /// Encodes a record (``Record``'s layout, from its fields and canonical envelope bytes) as a frame at the end of
    /// `out` and returns its leaf hash, with no ``Record`` value between (the appending thread encodes a frame per
    /// event).
    public static func appendFrame(
        seq: UInt64,
        flags: Record.Flags,
        appendedAtMillis: Int64,
        prev: Hash,
        contentCommitment: Hash,
        envelope: UnsafeRawBufferPointer,
        to out: inout [UInt8],
        sha: SHA256
    ) -> Hash {
        BigEndian.append(UInt32(Record.headerSize + envelope.count), to: &out)
        let start = out.count
        Record.append(
            seq: seq,
            flags: flags,
            appendedAtMillis: appendedAtMillis,
            prev: prev,
            contentCommitment: contentCommitment,
            envelope: envelope,
            to: &out
        )
        let leaf = out.withUnsafeBytes { sha.leafHash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        leaf.append(to: &out)
        return leaf
    }

    /// Appends one frame (length, record, leaf hash) to `out`.
    public static func appendFrame(record: [UInt8], leafHash: Hash, to out: inout [UInt8]) {
        BigEndian.append(UInt32(record.count), to: &out)
        out.append(contentsOf: record)
        leafHash.append(to: &out)
    }
}

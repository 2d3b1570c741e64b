public import LedgerCore

/// The bytes of a tlog-tiles entry bundle: each log entry preceded by its length as a big-endian `UInt16`, in
/// order. Entry `i` of bundle `N` is log entry `256·N + i`, and `SHA-256(0x00 ‖ entry)` is hash `i` of the level 0
/// tile `N` (RFC 6962 §2.1).
public enum EntryBundle {
    /// The longest entry a bundle can hold: the largest `UInt16`. A ledger record is never longer.
    public static let maximumEntrySize = Int(UInt16.max)

    /// Appends one length-prefixed entry, at most ``maximumEntrySize`` bytes, to a bundle being built.
    public static func append(_ entry: [UInt8], to bundle: inout [UInt8]) {
        precondition(entry.count <= maximumEntrySize, "an entry of \(entry.count) bytes does not fit a bundle")
        bundle.append(UInt8(entry.count >> 8))
        bundle.append(UInt8(entry.count & 0xFF))
        bundle.append(contentsOf: entry)
    }

    /// The bundle holding `entries`, in order.
    public static func encode(_ entries: [[UInt8]]) -> [UInt8] {
        var bundle: [UInt8] = []
        bundle.reserveCapacity(entries.reduce(0) { $0 + 2 + $1.count })
        for entry in entries { append(entry, to: &bundle) }
        return bundle
    }

    /// The entries of a bundle; throws `.corrupt`, naming `name`, if a length runs past the end or the bundle
    /// holds more than a full tile's 256 entries.
    public static func decode(_ bundle: [UInt8], name: String) throws(LedgerError) -> [[UInt8]] {
        var entries: [[UInt8]] = []
        var offset = 0
        while offset < bundle.count {
            guard offset + 2 <= bundle.count else {
                throw LedgerError(.corrupt, "\(name): a length prefix is cut off at byte \(offset)")
            }
            let length = Int(BigEndian.read(UInt16.self, from: bundle, at: offset))
            guard offset + 2 + length <= bundle.count else {
                throw LedgerError(
                    .corrupt,
                    "\(name): entry \(entries.count) at byte \(offset) claims \(length) bytes, "
                        + "but only \(bundle.count - offset - 2) follow"
                )
            }
            entries.append(Array(bundle[offset + 2..<offset + 2 + length]))
            offset += 2 + length
            guard entries.count <= Tile.fullWidth else {
                throw LedgerError(.corrupt, "\(name) holds more than \(Tile.fullWidth) entries")
            }
        }
        return entries
    }
}

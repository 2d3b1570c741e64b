import GroupDomain
import LedgerCore
import LedgerStorage

/// The file a saved ``Inspection`` lives in, `views/inspection.snapshot` under the ledger directory:
///
/// ```
/// magic "GroupLedger inspection snapshot 3\n"
/// size           UInt64   records applied
/// root           32 bytes the ledger's Merkle root at that size
/// configuration  string   the caller's name for the rule configuration
/// payload length UInt64
/// payload hash   32 bytes SHA-256 of the payload
/// payload        the shared strings and marks, then the builder (``ByteSink/finished()``,
///                ``InspectionBuilder/write(to:)``)
/// ```
///
/// Numbers are little-endian, strings a UInt32 length and UTF-8 (`docs/FORMAT.md` has the whole layout). A file of
/// another version has another magic and is rebuilt. The root ties the snapshot to the ledger: a
/// replaced or rolled-back ledger has another root at that size (or no such size), so the snapshot is not used.
/// The payload hash catches a damaged file; it is no seal — whoever can write the ledger directory can write a
/// snapshot too, which is why the snapshot is only a cache: delete it and the model is rebuilt from the records.
enum InspectionSnapshot {
    static let magic = Array("GroupLedger inspection snapshot 3\n".utf8)

    /// What the header says.
    struct Header {
        let size: UInt64
        let root: Hash
        let configuration: String
        /// What the SHA-256 of the payload must be.
        let payloadHash: Hash
    }

    /// The snapshot file of the ledger at `layout`.
    static func path(_ layout: LedgerLayout) -> String { layout.root + "/views/inspection.snapshot" }

    /// The file's bytes for `builder`, whose records have Merkle root `root`.
    static func encode(_ builder: InspectionBuilder, root: Hash, configuration: String) throws -> [UInt8] {
        let body = ByteSink()
        try builder.write(to: body)
        let payload = body.finished()
        let file = ByteSink()
        file.put(raw: magic)
        file.put(builder.size)
        file.put(raw: root.bytes)
        file.put(configuration)
        file.put(UInt64(payload.count))
        file.put(raw: SHA256().hash(payload).bytes)
        file.put(raw: payload)
        return file.bytes
    }

    /// The header of `bytes`, checking the magic and the payload's length; the source is left at the payload.
    static func header(_ source: ByteSource) throws -> Header {
        guard source.remaining >= magic.count, try source.take(raw: magic.count).elementsEqual(magic) else {
            throw SnapshotError("is not an inspection snapshot of this version")
        }
        let size = try source.take(UInt64.self)
        let root = try takeHash(source)
        let configuration = try source.takeString()
        let length = try source.take(UInt64.self)
        let hash = try takeHash(source)
        guard length == UInt64(source.remaining) else { throw SnapshotError("is cut short or too long") }
        return Header(size: size, root: root, configuration: configuration, payloadHash: hash)
    }

    private static func takeHash(_ source: ByteSource) throws(SnapshotError) -> Hash {
        Hash(bytes: Array(try source.take(raw: Hash.byteCount)))!
    }
}

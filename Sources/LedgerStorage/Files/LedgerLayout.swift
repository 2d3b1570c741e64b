/// Where each file of a ledger lives, relative to its root directory. See `docs/FORMAT.md` §Directory.
///
/// ```
/// LEDGER                      identity: format version and origin, written once by `init`
/// head                        the latest tree head, two checksummed slots (see HeadFile)
/// lock                        flock(2) of the single writer; holds the writer's pid
/// segments/<20-digit first seq>.seg   records, append-only; every segment but the last is sealed
/// content/<first seq>.content        salt and content per record; withheld entries are zeroed
/// index/<first seq>.idx              per record: id digest, frame offset, content offset (rebuildable)
/// tree/level-NN                      every complete Merkle node of level NN (rebuildable)
/// keys/                              the log's signing keys (mode 0600) and their history
/// quarantine/                        torn tails cut off during recovery
/// ```
public struct LedgerLayout: Sendable {
    /// The ledger's root directory as given by the user.
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public var metadataPath: String { root + "/LEDGER" }
    public var headPath: String { root + "/head" }
    public var lockPath: String { root + "/lock" }
    public var segmentsDirectory: String { root + "/segments" }
    public var contentDirectory: String { root + "/content" }
    public var indexDirectory: String { root + "/index" }
    public var quarantineDirectory: String { root + "/quarantine" }
    public var treeDirectory: String { root + "/tree" }
    public var keysDirectory: String { root + "/keys" }

    /// `00000000000000001234`: the zero-padded first sequence number that names a segment and its companions.
    public static func stem(_ firstSeq: UInt64) -> String {
        let digits = String(firstSeq)
        return String(repeating: "0", count: 20 - digits.count) + digits
    }

    /// Parses a segment file name back to its first sequence number; `nil` if it is not exactly a segment name.
    public static func firstSeq(ofSegmentNamed name: String) -> UInt64? {
        guard name.utf8.count == 24, name.hasSuffix(".seg") else { return nil }
        let digits = name.utf8.prefix(20)
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt64(String(decoding: digits, as: UTF8.self))
    }

    public func segmentPath(_ firstSeq: UInt64) -> String { segmentsDirectory + "/" + segmentName(firstSeq) }
    public func segmentName(_ firstSeq: UInt64) -> String { LedgerLayout.stem(firstSeq) + ".seg" }
    public func contentPath(_ firstSeq: UInt64) -> String { contentDirectory + "/" + contentName(firstSeq) }
    public func contentName(_ firstSeq: UInt64) -> String { LedgerLayout.stem(firstSeq) + ".content" }
    /// The saved table of event-id digests (see `IdTable`), rebuildable from the index files.
    public var idTablePath: String { indexDirectory + "/ids.table" }
    public func indexPath(_ firstSeq: UInt64) -> String { indexDirectory + "/" + LedgerLayout.stem(firstSeq) + ".idx" }

    /// A path relative to the root, for messages: `segments/00000000000000000000.seg`.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

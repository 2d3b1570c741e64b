public import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

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
/// keys/                              the log's signing keys (mode 0600) and rotation intents, unless they live
///                                    outside the ledger (`--key-dir`)
/// quarantine/                        torn tails cut off during recovery
/// ```
public struct LedgerLayout: Sendable {
    /// The mode of content files: they hold the text of posts, some of it secret, so only the owner may read them,
    /// whatever the umask.
    public static let contentMode = FilePermissions(rawValue: 0o600)
    /// The mode of segments and index files: segments name accounts and groups, so no other user may read them;
    /// the owner's group may (an audit account), as FORMAT.md says.
    public static let segmentMode = FilePermissions(rawValue: 0o640)

    /// The ledger's root directory as given by the user.
    public let root: String
    /// Where the signing keys live: `keys/` inside the ledger unless the writer was told another directory
    /// (`--key-dir`), so that a copy of the ledger does not carry the key that could re-sign a rewritten history.
    public let keysDirectory: String
    /// Whether ``keysDirectory`` is the `keys/` inside the ledger.
    public let keysInside: Bool

    /// - Parameter keysDirectory: where the signing keys live; `nil` for `keys/` inside the ledger. A directory the
    ///   user names may be reached through links: it is resolved once, here, and counts as `keys/` when it is the
    ///   same directory.
    public init(root: String, keysDirectory: String? = nil) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        let inside = self.root + "/keys"
        guard let keysDirectory else {
            self.keysDirectory = inside
            keysInside = true
            return
        }
        let named =
            keysDirectory.hasSuffix("/") && keysDirectory.count > 1 ? String(keysDirectory.dropLast()) : keysDirectory
        let resolved = LedgerLayout.resolved(named)
        if let resolved, resolved == LedgerLayout.resolved(inside) {
            self.keysDirectory = inside
            keysInside = true
        } else {
            self.keysDirectory = resolved ?? named
            keysInside = false
        }
    }

    /// The path with every link resolved, or `nil` when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The `keys/` directory inside the ledger (today's layout, and where `--key-dir` is not given).
    public var keysInsidePath: String { root + "/keys" }

    /// The key directory for messages: `keys/` inside the ledger, or its path.
    public var keysName: String { keysInside ? "keys" : keysDirectory }

    public var metadataPath: String { root + "/LEDGER" }
    public var headPath: String { root + "/head" }
    public var lockPath: String { root + "/lock" }
    public var segmentsDirectory: String { root + "/segments" }
    public var contentDirectory: String { root + "/content" }
    public var indexDirectory: String { root + "/index" }
    public var quarantineDirectory: String { root + "/quarantine" }
    public var treeDirectory: String { root + "/tree" }

    /// A temporary copy of a stream that a batched ingest reads twice (`.ingest-<pid>-<n>.spool`, mode 0600). Only
    /// the writer makes them, and the next writer removes any a crash left.
    public func spoolPath(number: Int) -> String { root + "/.ingest-\(getpid())-\(number).spool" }

    /// Whether `name`, in the ledger's root, is a spool file.
    static func isSpoolName(_ name: String) -> Bool { name.hasPrefix(".ingest-") && name.hasSuffix(".spool") }

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
    public func indexPath(_ firstSeq: UInt64) -> String { indexDirectory + "/" + LedgerLayout.stem(firstSeq) + ".idx" }

    /// A path relative to the root, for messages: `segments/00000000000000000000.seg`.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

/// One resource of a [C2SP tlog-tiles](https://c2sp.org/tlog-tiles) tree: a hash tile or an entry bundle,
/// named by its level, index and width.
///
/// A hash tile at level `L` and index `N` holds the Merkle tree nodes at tree level `8·L` (``TreeNode`` numbering)
/// with indices `256·N ..< 256·N + width`: leaf hashes at level 0, and above it the root of each full tile of
/// the level below. The entry bundle with index `N` holds the log entries whose leaf hashes are the level 0
/// tile `N`. A tile is *full* at ``fullWidth`` hashes or entries and *partial* below it.
///
/// Its ``path`` below the log's prefix is `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`, where `<N>` is
/// written in zero-padded groups of three digits, all but the last prefixed with `x` (1234067 is
/// `x001/x234/067`), and `.p/<W>` marks a partial tile of width `W`. ``init(path:)`` reads exactly the paths that
/// ``path`` writes.
public struct Tile: Hashable, Sendable {
    /// What a tile holds.
    public enum Kind: Hashable, Sendable {
        /// Merkle tree hashes at tile level `level` (0...63), that is, tree level `8·level`.
        case hashes(level: Int)
        /// Log entries, each preceded by its length as a big-endian `UInt16`; they hash to level 0 tile hashes.
        case entries

        /// The tile level whose hashes this kind's tiles correspond to: `level`, or 0 for entry bundles.
        public var hashLevel: Int {
            switch self {
            case .hashes(let level): level
            case .entries: 0
            }
        }

        /// The path element after `tile/`: the decimal level, or `entries`.
        var pathElement: String {
            switch self {
            case .hashes(let level): String(level)
            case .entries: "entries"
            }
        }
    }

    /// The number of tree levels one tile spans: a tile at level `L` holds tree level `8·L`.
    public static let height = 8
    /// The number of hashes (or entries) in a full tile, 2^``height``.
    public static let fullWidth = 256

    /// Hash tile or entry bundle, and at which level.
    public let kind: Kind
    /// The tile's position within its level, counting from the left.
    public let index: UInt64
    /// How many hashes or entries the tile holds, 1...256; 256 is a full tile.
    public let width: Int

    /// The tile of `kind` at `index` holding `width` (1...256) hashes or entries.
    public init(_ kind: Kind, index: UInt64, width: Int = Tile.fullWidth) {
        if case .hashes(let level) = kind {
            precondition((0...63).contains(level), "tile level \(level) is outside 0...63")
        }
        precondition((1...Tile.fullWidth).contains(width), "tile width \(width) is outside 1...\(Tile.fullWidth)")
        self.kind = kind
        self.index = index
        self.width = width
    }

    /// Whether the tile holds fewer than ``fullWidth`` hashes or entries.
    public var isPartial: Bool { width < Tile.fullWidth }

    /// The same tile at full width: the resource that supersedes this one once the level grows past it.
    public var full: Tile { Tile(kind, index: index) }

    /// The path below the log's prefix: `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`.
    public var path: String {
        var path = "tile/" + kind.pathElement + "/" + Tile.encode(index: index)
        if isPartial { path += ".p/" + String(width) }
        return path
    }

    /// The directory holding this tile's partial versions, `tile/<L>/<N>.p`.
    public var partialDirectory: String { "tile/" + kind.pathElement + "/" + Tile.encode(index: index) + ".p" }

    /// `index` as tlog-tiles path elements: groups of three digits, zero-padded, most significant first, all but
    /// the last prefixed with `x`. 0 is `000`, 1000 is `x001/000`, 1234067 is `x001/x234/067`.
    public static func encode(index: UInt64) -> String {
        var groups: [String] = []
        var rest = index
        repeat {
            let group = String(rest % 1000)
            groups.append(String(repeating: "0", count: 3 - group.count) + group)
            rest /= 1000
        } while rest > 0
        return groups.reversed().enumerated().map { $0.offset < groups.count - 1 ? "x" + $0.element : $0.element }
            .joined(separator: "/")
    }
}

extension Tile: CustomStringConvertible {
    public var description: String { path }
}

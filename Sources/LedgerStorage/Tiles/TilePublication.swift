/// What one ``TilePublisher/publish(to:checkpointNote:)`` changed in the published directory.
public struct TilePublication: Sendable, Equatable {
    /// The size of the checkpoint that was published before, or `nil` if the directory had none.
    public var previousSize: UInt64?
    /// The size of the checkpoint now published.
    public var size: UInt64
    /// Hash tiles written (`tile/<L>/…`), full and partial.
    public var hashTilesWritten = 0
    /// Entry bundles written (`tile/entries/…`), full and partial.
    public var entryBundlesWritten = 0
    /// Whether `checkpoint` was written; not when the same checkpoint was already published.
    public var checkpointWritten = false
    /// Partial hash tiles and entry bundles removed because the full tile that supersedes them is now published.
    public var partialTilesRemoved = 0
    /// Problems that did not stop the publication, such as a superseded partial tile that could not be removed.
    public var warnings: [String] = []

    public init(previousSize: UInt64?, size: UInt64) {
        self.previousSize = previousSize
        self.size = size
    }

    /// Every file written: tiles, bundles and the checkpoint.
    public var filesWritten: Int { hashTilesWritten + entryBundlesWritten + (checkpointWritten ? 1 : 0) }
}

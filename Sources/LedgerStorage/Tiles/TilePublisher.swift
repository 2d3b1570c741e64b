public import LedgerCore

/// Publishes the ledger as a [C2SP tlog-tiles](https://c2sp.org/tlog-tiles) tree in a directory that a static web
/// server or an object store serves as the log's prefix: `checkpoint`, hash tiles `tile/<L>/<N>[.p/<W>]` and entry
/// bundles `tile/entries/<N>[.p/<W>]`, whose entries are the stored record bytes.
///
/// **Incremental.** The directory's own `checkpoint` says what is already published. Publishing a checkpoint of
/// size `N` over one of size `M` writes only the tiles that growing the tree from `M` to `N` changes: at each
/// level, the tiles that became full and the new partial tile (see ``TileGeometry/changes(_:from:to:)``), so ten
/// more records usually cost one partial level 0 tile, one partial entry bundle and the checkpoint. Files under
/// the published size are never rewritten; everything above it always is, so re-running after a crash repairs
/// whatever a failed run left.
///
/// **Order.** Tiles first, each written atomically; then the tiles are read back and must reproduce the roots of
/// the new checkpoint and of the one it replaces; only then is `checkpoint` written. A reader that sees a
/// checkpoint finds every tile it needs.
///
/// **Refusals** (`.refused`, nothing written): a checkpoint that is not of this ledger's origin, larger than the
/// ledger, or whose root is not the ledger's root at its size; a checkpoint smaller than the published one
/// (rollback); one of the same size with another root, or one whose ledger does not reproduce the published root
/// at the published size (a fork). A published `checkpoint` that cannot be read is `.corrupt`. The note's
/// signatures are not verified here: the ledger signed it.
///
/// **Partial tiles of earlier checkpoints** stay while their tile is still partial, because clients holding such
/// a checkpoint fetch them ("Logs MUST serve partial tiles corresponding to tree sizes for which a checkpoint was
/// produced"). Once the full tile is published they are removed, after the new checkpoint ("MAY delete any
/// partial tile once the corresponding full tile is available"); a client holding an old checkpoint then falls
/// back to the full tile. Removal is best effort: a failure is reported in ``TilePublication/warnings``.
///
/// **Checks.** Every leaf hash written is recomputed from the record bytes written beside it and compared with
/// the ledger's tree files, and every full tile is hashed and compared with the node the level above holds for
/// it, so damaged tree files are reported (`.corrupt`) rather than published.
///
/// One publisher at a time per directory: the directory is locked with `flock(2)` (`.locked` otherwise).
public struct TilePublisher {
    /// The ledger to publish.
    public let reader: LedgerReader

    /// A publisher of the ledger that `reader` reads; it may be written to while publishing.
    public init(reader: LedgerReader) {
        self.reader = reader
    }

    /// Publishes the tree of the signed checkpoint `checkpointNote` (a C2SP signed note) in `directory`,
    /// creating the directory if needed, and returns what was written.
    ///
    /// The checkpoint may be of any size up to the ledger's; records beyond it are not published.
    @discardableResult
    public func publish(to directory: String, checkpointNote: [UInt8]) throws(LedgerError) -> TilePublication {
        let checkpoint = try TilePublisher.checkpoint(
            checkpointNote,
            name: "the checkpoint to publish",
            code: .badInput
        )
        let origin = reader.metadata.origin
        guard checkpoint.origin == origin else {
            throw LedgerError(
                .refused,
                "the checkpoint to publish is for the log \"\(checkpoint.origin)\", but the ledger is \"\(origin)\""
            )
        }
        let ledger = try LedgerRoots(reader)
        let size = checkpoint.size
        guard size <= ledger.head.size else {
            throw LedgerError(
                .refused,
                "the checkpoint to publish is for \(size) records, but the ledger holds \(ledger.head.size)"
            )
        }
        let root = try ledger.root(size: size)
        guard root == checkpoint.rootHash else {
            let (signed, computed) = checkpoint.rootHash.hexPrefixes(against: root)
            throw LedgerError(
                .refused,
                "the checkpoint to publish has root \(signed) at size \(size), "
                    + "but the ledger's root at that size is \(computed)"
            )
        }

        let out = try TileDirectory(root: directory)
        try out.lock()
        defer { out.unlock() }
        let publishedNote = try out.read("checkpoint")
        let published = try publishedNote.map { (note) throws(LedgerError) in
            try publishedCheckpoint(note, in: out, replacedBy: checkpoint, ledger: ledger)
        }
        var publication = TilePublication(previousSize: published?.size, size: size)
        if publishedNote == checkpointNote { return publication }

        let previousSize = published?.size ?? 0
        let levels = TreeLevelReader(reader.layout)
        defer { levels.close() }
        var writer = TileWriter(out: out, levels: levels, publication: publication)
        try writer.writeLevelZero(from: previousSize, to: size, reader: reader)
        for level in TileGeometry.levels(treeSize: size).dropFirst() {
            try writer.writeHashTiles(level: level, from: previousSize, to: size)
        }
        publication = writer.publication

        try checkPublishedRoots(in: out, size: size, root: root, previous: published)
        try out.write(checkpointNote, to: "checkpoint")
        publication.checkpointWritten = true

        if published != nil {
            removeSupersededPartials(in: out, from: previousSize, to: size, publication: &publication)
        }
        return publication
    }

    /// The checkpoint `bytes` published in `out`, checked against the one replacing it.
    private func publishedCheckpoint(
        _ bytes: [UInt8],
        in out: TileDirectory,
        replacedBy checkpoint: Checkpoint,
        ledger: LedgerRoots
    ) throws(LedgerError) -> Checkpoint {
        let name = out.path("checkpoint")
        let published = try TilePublisher.checkpoint(bytes, name: name, code: .corrupt)
        guard published.origin == checkpoint.origin else {
            throw LedgerError(
                .refused,
                "\(name) is of the log \"\(published.origin)\", not \"\(checkpoint.origin)\"; publish each log "
                    + "to its own directory"
            )
        }
        guard published.size <= checkpoint.size else {
            throw LedgerError(
                .refused,
                "\(name) is already at size \(published.size); publishing size \(checkpoint.size) would roll the "
                    + "log back"
            )
        }
        let root = try ledger.root(size: published.size)
        guard root == published.rootHash else {
            let which = published.size == checkpoint.size ? "the checkpoint to publish" : "the ledger"
            let (theirs, ours) = published.rootHash.hexPrefixes(against: root)
            throw LedgerError(
                .refused,
                "\(name) has root \(theirs) at size \(published.size), but \(which) has "
                    + "\(ours) there: the published log and this ledger have forked"
            )
        }
        return published
    }

    /// Reads the published tree back, as a client would, and checks that it gives the new checkpoint's root and
    /// the replaced checkpoint's root at its size.
    private func checkPublishedRoots(
        in out: TileDirectory,
        size: UInt64,
        root: Hash,
        previous: Checkpoint?
    ) throws(LedgerError) {
        let tiles = TileHashReader(directory: out.root, treeSize: size)
        var expected = [(size, root)]
        if let previous { expected.append((previous.size, previous.rootHash)) }
        for (treeSize, treeRoot) in expected {
            let found: Hash
            do {
                found = try Merkle.rootHash(size: treeSize, reader: tiles, sha: SHA256())
            } catch let error as LedgerError {
                throw error
            } catch {
                throw LedgerError(.corrupt, "cannot hash the tiles published in \(out.root): \(error)")
            }
            guard found == treeRoot else {
                let (given, expected) = found.hexPrefixes(against: treeRoot)
                throw LedgerError(
                    .corrupt,
                    "the tiles written to \(out.root) give root \(given) at size \(treeSize), not "
                        + "\(expected); the checkpoint was not published"
                )
            }
        }
    }

    /// Removes the partial tiles that the tiles completed by this publication supersede. At each level only the
    /// tile that was partial at `oldSize` can have partial versions from earlier checkpoints.
    private func removeSupersededPartials(
        in out: TileDirectory,
        from oldSize: UInt64,
        to newSize: UInt64,
        publication: inout TilePublication
    ) {
        let kinds = [Tile.Kind.entries] + TileGeometry.levels(treeSize: newSize).map { Tile.Kind.hashes(level: $0) }
        for kind in kinds {
            let completed = TileGeometry.changes(kind, from: oldSize, to: newSize).full
            guard let index = completed.first else { continue }
            let partials = Tile(kind, index: index).partialDirectory
            do {
                publication.partialTilesRemoved += try out.removePartials(in: partials)
            } catch {
                publication.warnings.append("could not remove the superseded partial tiles in \(partials): \(error)")
            }
        }
    }

    /// Parses a signed note holding a checkpoint; a failure is `code`, naming `name`.
    static func checkpoint(
        _ bytes: [UInt8],
        name: String,
        code: LedgerError.Code
    ) throws(LedgerError) -> Checkpoint {
        do {
            return try Checkpoint(note: Note.parse(bytes))
        } catch {
            throw LedgerError(code, "\(name) is not a signed checkpoint: \(error)")
        }
    }
}

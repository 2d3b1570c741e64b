public import GroupDomain
public import LedgerCore
public import LedgerStorage
import Synchronization

extension Inspection {
    /// Where ``save(reader:)`` keeps the model of the ledger at `layout`: `views/inspection.snapshot`.
    public static func snapshotPath(_ layout: LedgerLayout) -> String { InspectionSnapshot.path(layout) }

    /// Saves the model to `views/inspection.snapshot` under the ledger directory, atomically (a temporary file,
    /// `fsync`, `rename`, `fsync` of the directory), with the size it reflects and the ledger's Merkle root at that
    /// size; returns that size. Catch-ups wait while it saves; readers do not.
    ///
    /// - Throws: `.refused` when the model reflects records past the ledger's head (records the writer has not
    ///   committed yet: save after the next commit), `.io` when the file cannot be written.
    @discardableResult
    public func save(reader: LedgerReader) throws(LedgerError) -> UInt64 {
        try builder.withLock { (builder) throws(LedgerError) -> UInt64 in
            let root = try Self.root(of: reader, size: builder.size)
            // The words added since the last save are folded into the saved tables once, here, and the model
            // keeps the folded tables: the next save (and the memory) only pays for what comes after. (The view
            // published before keeps its unfolded copy until the next catch-up replaces it.)
            builder.text.seal()
            let bytes: [UInt8]
            do {
                bytes = try InspectionSnapshot.encode(builder, root: root, configuration: configurationName)
            } catch {
                throw LedgerError(.io, "cannot encode the inspection snapshot: \(error)")
            }
            let path = InspectionSnapshot.path(reader.layout)
            let directory = Directory.parent(of: path)
            try Directory.create(directory, name: reader.layout.relative(directory), existingOK: true, mode: 0o700)
            // The model holds what the content files hold (post text in its index), so it is kept as they are: 0600.
            try Directory.writeAtomically(
                bytes,
                to: path,
                directory: directory,
                name: reader.layout.relative(path),
                permissions: 0o600
            )
            return builder.size
        }
    }

    /// A model of the first `size` records of `reader`'s ledger: the saved snapshot when it matches the ledger (the
    /// same Merkle root at its size, at most `size`, made under the same configuration name), caught up from there;
    /// else built from record 0. A missing snapshot is built quietly; a damaged or mismatching one is ignored, with
    /// a line for `warn` saying why.
    public static func resume(
        reader: LedgerReader,
        size: UInt64,
        configuration: RuleConfiguration,
        configurationName: String = "default",
        warn: (String) -> Void
    ) throws(LedgerError) -> Inspection {
        let path = InspectionSnapshot.path(reader.layout)
        var inspection = Inspection(configuration: configuration, configurationName: configurationName)
        if Directory.exists(path) {
            do {
                let builder = try load(
                    path,
                    reader: reader,
                    size: size,
                    configuration: configuration,
                    name: configurationName
                )
                inspection = Inspection(builder, configurationName: configurationName)
            } catch {
                warn(
                    "\(reader.layout.relative(path)) \(error); rebuilding the inspection model from the ledger "
                        + "(it is saved again on the next save)"
                )
            }
        }
        try inspection.catchUp(reader: reader, size: size)
        return inspection
    }

    /// The builder saved in `path`, if it matches the ledger and `configuration`.
    private static func load(
        _ path: String,
        reader: LedgerReader,
        size: UInt64,
        configuration: RuleConfiguration,
        name: String
    ) throws -> InspectionBuilder {
        let source = ByteSource(try Directory.readFile(path, limit: Int.max, followLinks: false))
        let header = try InspectionSnapshot.header(source)
        guard header.configuration == name else {
            throw SnapshotError("was made under the rule configuration \"\(header.configuration)\", not \"\(name)\"")
        }
        guard header.size <= size else {
            throw SnapshotError("reflects \(header.size) records but the ledger holds \(size) (rolled back?)")
        }
        guard (try? root(of: reader, size: header.size)) == header.root else {
            throw SnapshotError("does not match the ledger's records (another root at size \(header.size))")
        }
        let builder = try InspectionBuilder(
            configuration: configuration,
            reading: source.takeRest(),
            hash: header.payloadHash
        )
        guard builder.size == header.size else { throw SnapshotError("holds another size than its header says") }
        return builder
    }

    /// The Merkle root of the first `size` records of `reader`'s ledger.
    private static func root(of reader: LedgerReader, size: UInt64) throws(LedgerError) -> Hash {
        let head = try reader.head()
        guard size <= head.size else {
            throw LedgerError(
                .refused,
                "the inspection model reflects \(size) records but the ledger's head holds \(head.size); "
                    + "save it after the writer's next commit"
            )
        }
        let sha = SHA256()
        if size == head.size { return head.frontier.root(using: sha) }
        let tree = try reader.tree()
        defer { tree.close() }
        do { return try Merkle.rootHash(size: size, reader: tree, sha: sha) } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.corrupt, "cannot hash the ledger's tree files at size \(size): \(error)")
        }
    }
}

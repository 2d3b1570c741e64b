public import LedgerCore
import SystemPackage

extension Ledger {
    /// Creates a new ledger in `root` (which must not exist, or be an empty directory) and writes its first record,
    /// `ledger.initialized`, naming the origin.
    ///
    /// Every file and directory is synced before this returns.
    ///
    /// - Throws: `.cannotCreate` if `root` already holds files, `.badInput` for an unusable origin, `.io`.
    public static func create(
        at root: String,
        origin: String,
        options: LedgerOptions = LedgerOptions()
    ) throws(LedgerError) -> Ledger {
        let layout = LedgerLayout(root: root, keysDirectory: options.keyDirectory)
        if !layout.keysInside, Directory.exists(layout.keysDirectory) {
            try LogKeys.createDirectory(layout)  // checks who may write to it
        }
        if !layout.keysInside, Directory.exists(layout.keysDirectory),
            try Directory.list(layout.keysDirectory, name: layout.keysName).contains(where: { $0.hasSuffix(".skey") })
        {
            throw LedgerError(
                .cannotCreate,
                "\(layout.keysDirectory) already holds signing keys (of another ledger?); give each ledger a key "
                    + "directory of its own"
            )
        }
        if let problem = LedgerMetadata.originProblem(origin) {
            throw LedgerError(.badInput, "\(problem): \"\(origin)\"")
        }
        if Directory.exists(layout.root) {
            guard Directory.isDirectory(layout.root) else {
                throw LedgerError(.cannotCreate, "\(layout.root) exists and is not a directory")
            }
            guard try Directory.list(layout.root, name: layout.root).isEmpty else {
                throw LedgerError(.cannotCreate, "\(layout.root) is not empty; choose a new directory for the ledger")
            }
        } else {
            try Directory.create(layout.root, name: layout.root)
            try Directory.sync(Directory.parent(of: layout.root), name: "the parent of \(layout.root)")
        }
        for directory in [
            layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory, layout.quarantineDirectory,
        ] {
            try Directory.create(directory, name: layout.relative(directory))
        }
        let metadata = LedgerMetadata(origin: origin)
        try Directory.writeAtomically(metadata.encoded, to: layout.metadataPath, directory: layout.root, name: "LEDGER")

        let sha = SHA256()
        let lock = try WriterLock.acquire(layout)
        // Closed, with the lock released, if a step fails before the writer owns them.
        var files: SegmentFiles?
        var head: HeadFile?
        let signer: Ed25519NoteSigner
        let ledger: Ledger
        do {
            signer = try LogKeys.generate(layout, origin: origin)
            files = try SegmentFiles.create(layout, firstSeq: 0, origin: origin, sha: sha)
            head = try HeadFile.open(layout, create: true)
            try Directory.sync(layout.root, name: layout.root)
            let empty = HeadState(
                generation: 0,
                size: 0,
                lastLeaf: .zero,
                activeSegment: 0,
                segmentLength: UInt64(SegmentFormat.headerSize),
                contentLength: 0,
                frontier: MerkleFrontier()
            )
            try head!.write(empty, sha: sha, durably: true)
            ledger = Ledger(
                LedgerWriter(
                    layout: layout,
                    metadata: metadata,
                    options: options,
                    state: empty,
                    active: files!,
                    ids: IdIndex(layout, runSize: options.idRunSize),
                    head: head!,
                    tree: try TreeStore(layout, writable: true),
                    checkpointSigner: CheckpointSigner(origin: origin, signers: [signer]),
                    lock: lock
                )
            )
        } catch {
            files?.close()
            head?.close()
            lock.release()
            throw error
        }
        let genesis = EventEnvelope(
            id: "ledger:initialized",
            type: EventType.ledgerInitialized.rawValue,
            time: ledger.now(),
            actor: "groupledger",
            data: .object(
                JSONObject(members: [
                    ("format", .number(JSONNumber(UInt64(LedgerMetadata.format)))), ("origin", .string(origin)),
                    ("vkey", .string(signer.vkey)),
                ])
            )
        )
        _ = try ledger.appendOwn([genesis])
        return ledger
    }
}

public import LedgerCore
public import LedgerInspection
public import LedgerStorage

/// An archive for an inspection or a court: one POSIX ustar file (``TarArchive``) holding the signed checkpoint,
/// each chosen record with its content or the notice of its withholding and its inclusion proof against that
/// checkpoint, a cover page, and the SHA-256 of every file:
///
/// ```
/// checkpoint                  the signed note every proof is against
/// records/<seq>.record        the stored record bytes (the Merkle leaf), for `proof verify --record`
/// records/<seq>.json          the stored event with leaf hash, previous hash and time of appending
/// records/<seq>.content.txt   the content as stored, or
/// records/<seq>.withheld.txt  who withheld it, when, why and by which record — never the text
/// records/<seq>.proof         c2sp.org/tlog-proof@v1
/// index.html                  the cover page (Vietnamese and English, no script)
/// SHA256SUMS                  `sha256sum -c` input for every file above
/// ```
///
/// The archive is made member by member (``Members``): memory holds one record's files, the cover's table and
/// the list of hashes, never the whole archive.
public struct InspectionArchive {
    /// The most records one archive holds.
    public static let maxRecords = 10_000

    /// Who exported what, when and why, for the cover page.
    public struct Cover: Sendable {
        /// The exporter: the access token's name, or the person who ran the command.
        public let exporter: String
        /// When (Unix milliseconds).
        public let exportedAtMillis: Int64
        /// What was chosen.
        public let selection: ArchiveSelection
        /// Why: the inspection or case it is for, as the exporter wrote it (may be empty).
        public let purpose: String

        public init(exporter: String, exportedAtMillis: Int64, selection: ArchiveSelection, purpose: String) {
            self.exporter = exporter
            self.exportedAtMillis = exportedAtMillis
            self.selection = selection
            self.purpose = purpose
        }
    }

    let reader: LedgerReader
    let checkpointNote: [UInt8]
    let checkpoint: Checkpoint
    /// The records, ascending.
    public let seqs: [UInt64]
    let cover: Cover
    let view: InspectionView

    /// An archive of the records `cover.selection` chooses in `view`, proved against `checkpointNote` (a signed
    /// checkpoint of `reader`'s ledger); `view` also names the actors on the cover page.
    ///
    /// - Throws: `.badInput` for an empty selection, one of more than ``maxRecords`` records or one past the
    ///   checkpoint; `.notFound` for an unknown group or finding; `.corrupt` for a checkpoint that does not parse.
    public init(
        reader: LedgerReader,
        checkpointNote: [UInt8],
        cover: Cover,
        view: InspectionView
    ) throws(LedgerError) {
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint(note: Note.parse(checkpointNote)) } catch {
            throw LedgerError(.corrupt, "the checkpoint cannot be read: \(error)")
        }
        self.reader = reader
        self.checkpointNote = checkpointNote
        self.checkpoint = checkpoint
        self.cover = cover
        self.view = view
        seqs = try cover.selection.seqs(view: view, size: checkpoint.size, limit: Self.maxRecords)
    }

    /// The modification time of every member: the newest witness cosignature's time on the checkpoint, else 0, so
    /// that the archive does not depend on the clock of the machine that made it.
    var modified: UInt64 {
        guard let note = try? Note.parse(checkpointNote) else { return 0 }
        return note.signatures.compactMap { Cosignature.timestamp(of: $0) }.max() ?? 0
    }

    /// Writes the whole archive through `write`, member by member.
    public func write(_ write: ([UInt8]) throws(LedgerError) -> Void) throws(LedgerError) {
        var members = try makeMembers()
        while let bytes = try members.next() { try write(bytes) }
    }

    /// The archive's bytes in pieces (one or a few members each), for a caller that sends them as they come.
    public func makeMembers() throws(LedgerError) -> Members {
        Members(archive: self, proofs: try ProofBuilder(reader: reader))
    }

    /// The pieces of one archive, in order; ``next()`` returns `nil` after the end blocks.
    public struct Members {
        let archive: InspectionArchive
        let proofs: ProofBuilder
        var position = -1
        var sums: [(name: String, hash: Hash)] = []
        var rows: [[String: Any]] = []
        var finished = false
        /// The records of the current batch: ``batchSize`` read at a time (``LedgerStorage/LedgerReader/entries(_:)``).
        var batch: [LedgerReader.Entry] = []

        /// How many records are read together.
        static let batchSize = 64

        /// The next piece, or `nil` when the archive is complete.
        public mutating func next() throws(LedgerError) -> [UInt8]? {
            guard !finished else { return nil }
            defer { position += 1 }
            if position == -1 { return try member("checkpoint", archive.checkpointNote) }
            if position < archive.seqs.count {
                if position % Self.batchSize == 0 {
                    let end = min(archive.seqs.count, position + Self.batchSize)
                    batch = try archive.reader.entries(Array(archive.seqs[position..<end]))
                }
                return try record(batch[position % Self.batchSize])
            }
            finished = true
            var bytes = try member("index.html", Array(archive.coverPage(rows).utf8))
            let listing = sums.map { $0.hash.hex + "  " + $0.name + "\n" }.joined()
            bytes += try TarArchive.member("SHA256SUMS", Array(listing.utf8), modified: archive.modified)
            return bytes + TarArchive.end
        }

        private mutating func member(_ name: String, _ bytes: [UInt8]) throws(LedgerError) -> [UInt8] {
            sums.append((name, SHA256().hash(bytes)))
            return try TarArchive.member(name, bytes, modified: archive.modified)
        }

        /// The files of record `entry`.
        private mutating func record(_ entry: LedgerReader.Entry) throws(LedgerError) -> [UInt8] {
            let reader = archive.reader
            let seq = entry.record.seq
            let stem = "records/\(seq)"
            var bytes = try member(stem + ".record", entry.record.encoded())
            bytes += try member(stem + ".json", JCS.serialize(Self.json(entry)) + [0x0a])
            var row = archive.row(entry)
            switch entry.content {
            case .none:
                row["noContent"] = true
            case .present(_, let content):
                bytes += try member(stem + ".content.txt", content)
                row["hasContent"] = true
            case .withheld:
                bytes += try member(stem + ".withheld.txt", Array(try Self.notice(seq, reader: reader).utf8))
                row["withheld"] = true
            }
            let proof = try proofs.inclusionProof(index: seq, checkpointNote: archive.checkpointNote)
            bytes += try member(stem + ".proof", proof.format())
            rows.append(row)
            return bytes
        }

        /// The record as `groupledger show --json` gives it, without its content.
        static func json(_ entry: LedgerReader.Entry) -> JSONValue {
            .object(
                JSONObject(members: [
                    ("seq", .number(JSONNumber(entry.record.seq))), ("event", entry.envelope.chainObject),
                    ("appended_at", .string(Timestamp.format(unixMillis: entry.record.appendedAtMillis))),
                    ("leaf_hash", .string(entry.leafHash.hex)), ("prev", .string(entry.record.prev.hex)),
                ])
            )
        }

        /// The withholding notice of record `seq`, in both languages.
        static func notice(_ seq: UInt64, reader: LedgerReader) throws(LedgerError) -> String {
            let notice = try WithholdingNotice(of: seq, reader: reader)
            let orderedBy = notice.orderedBy ?? "–"
            let withheldAt = notice.withheldAt ?? "–"
            let bySeq = notice.bySeq.map(String.init) ?? "–"
            return """
                Nội dung của bản ghi \(seq) đã bị giữ lại; hồ sơ này không chứa văn bản đó.
                The content of record \(seq) was withheld; this archive does not hold its text.

                Người ra lệnh / Ordered by: \(orderedBy)
                Thời điểm / Withheld at: \(withheldAt)
                Lý do / Reason: \(notice.reason)
                Bản ghi ra lệnh / Ordered by record: \(bySeq)

                """
        }
    }

    /// A row of the cover's table: number, type, local time, group and the actor named in both languages.
    func row(_ entry: LedgerReader.Entry) -> [String: Any] {
        let event = entry.envelope
        let actor = view.personRef(event.actor)
        let (actorVI, actorEN) = (actor.labelVI, actor.labelEN)
        return [
            "seq": String(entry.record.seq), "type": event.type, "time": PageValues.time(event.time.unixMillis),
            "group": event.group ?? "", "actorVI": actorVI, "actorEN": actorEN, "actorDiffers": actorVI != actorEN,
        ]
    }

    /// The cover page over the records' `rows`.
    func coverPage(_ rows: [[String: Any]]) -> String {
        let summary = cover.selection.summary
        return ArchiveCover.render([
            "origin": checkpoint.origin, "size": String(checkpoint.size), "root": checkpoint.rootHash.hex,
            "checkpoint": String(decoding: checkpointNote, as: UTF8.self), "exporter": cover.exporter,
            "exportedAt": PageValues.time(cover.exportedAtMillis), "selectionVI": summary.vi,
            "selectionEN": summary.en, "purpose": cover.purpose.isEmpty ? "–" : cover.purpose,
            "count": String(seqs.count), "records": rows, "example": String(seqs.first ?? 0),
        ])
    }
}

import ArgumentParser
import Foundation
import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerServer
import LedgerStorage

/// `groupledger export`: the inspection archive `/export.tar` serves, made from a ledger (or a copy of one) on
/// this machine, by the same code.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an inspection archive (.tar): chosen records, content or withholding notices, proofs, "
            + "the checkpoint, a cover page and SHA256SUMS.",
        discussion: """
            Choose the records one way: --seq (numbers or ranges such as 40-45, repeatable), --group with an \
            optional --from/--to (a day in UTC+07:00 or RFC 3339), or --finding. At most 10,000 records. Exit \
            codes: 64 usage, 65 bad selection, 66 missing ledger, record, group or finding, 74 I/O.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(name: .customLong("seq"), help: "A record number or range (repeatable).")
    var seqs: [String] = []

    @Option(help: "Every record of this group (with --from and --to, those in that time range).")
    var group: String?

    @Option(help: "With --group: records at or after this time (a day YYYY-MM-DD in UTC+07:00, or RFC 3339).")
    var from: String?

    @Option(help: "With --group: records at or before this time (a whole day when given as YYYY-MM-DD).")
    var to: String?

    @Option(help: "The evidence records of this finding (see `groupledger audit`).")
    var finding: String?

    @Option(help: "Why the archive is made (the inspection or case), for the cover page.")
    var purpose: String = ""

    @Option(help: "Who exports, for the cover page (default: $USER).")
    var exporter: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "The archive to write (a .tar file).")
    var output: String

    func validate() throws {
        let ways = [!seqs.isEmpty, group != nil, finding != nil].filter { $0 }.count
        guard ways == 1 else { throw ValidationError("choose the records one way: --seq, --group or --finding") }
        if group == nil, from != nil || to != nil { throw ValidationError("--from and --to go with --group") }
    }

    func run() throws {
        try Failure.reporting {
            let reader = try LedgerReader(root: ledger.path)
            let note = try reader.checkpoint()
            let size: UInt64
            do { size = try Checkpoint(note: Note.parse(note)).size } catch {
                throw LedgerError(.corrupt, "the ledger's checkpoint cannot be read: \(error)")
            }
            let inspection = try Inspection.resume(
                reader: reader,
                size: size,
                configuration: .default,
                warn: { Console.error("warning: " + $0) }
            )
            let cover = InspectionArchive.Cover(
                exporter: exporter ?? ProcessInfo.processInfo.environment["USER"] ?? "-",
                exportedAtMillis: Int64((Date().timeIntervalSince1970 * 1000).rounded()),
                selection: try selection(),
                purpose: purpose
            )
            let archive = try InspectionArchive(
                reader: reader,
                checkpointNote: note,
                cover: cover,
                view: inspection.view
            )
            try ArchiveFile.write(archive, to: output)
            Console.error("wrote \(archive.seqs.count) records to \(output)")
        }
    }

    private func selection() throws(LedgerError) -> ArchiveSelection {
        if let group {
            return .group(
                group,
                fromMillis: try from.map { (text) throws(LedgerError) in
                    try ArchiveSelection.time(text, endOfDay: false)
                },
                toMillis: try to.map { (text) throws(LedgerError) in try ArchiveSelection.time(text, endOfDay: true) }
            )
        }
        if let finding { return .finding(finding) }
        return .records(try ArchiveSelection.ranges(seqs.joined(separator: ",")))
    }
}

/// Writes an archive to a file atomically (`Directory.writeAtomically`): into `<path>.partial` (mode 0600: it holds
/// the records' content, as the ledger's content files do), synced, then renamed and the directory synced, so that a
/// failure never leaves a truncated archive under the asked name and a finished one survives a power cut.
enum ArchiveFile {
    static func write(_ archive: InspectionArchive, to path: String) throws(LedgerError) {
        do {
            try Directory.writeAtomically(
                to: path,
                temporarySuffix: ".partial",
                directory: Directory.parent(of: path),
                name: path,
                permissions: LedgerLayout.contentMode
            ) { (file) throws(LedgerError) in
                var written: UInt64 = 0
                try archive.write { (bytes) throws(LedgerError) in
                    try file.write(bytes, at: written)
                    written += UInt64(bytes.count)
                }
            }
        } catch  where error.code == .missingInput {
            // An output that cannot be created is an I/O failure (74), even where the open says "missing".
            throw LedgerError(.io, error.message, at: error.location, cause: error.cause)
        }
    }
}

import ArgumentParser
import Foundation
import LedgerCore
import LedgerImport
import LedgerIngest
import LedgerReplay
import LedgerStorage

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import zca-js captures, OA webhooks, a Zalo Web store, a roster CSV or envelopes (docs/IMPORT.md).",
        discussion: """
            FORMAT is zca, oa-webhook, zalo-web, roster-csv, or envelopes (GroupLedger's own JSON Lines, as \
            `append` reads them, with --keep-going and --dry-run). One bad unit (line, array element, CSV row) of any \
            input appends nothing and exits 65, naming the input, line (or element, or row), byte and field: \
            without --batch the inputs are one append, staged in the ledger as they are decoded and abandoned at \
            the first bad unit; with --batch N every unit is checked before the first commit (a file is read \
            twice: checked, then committed N events at a time). With --keep-going the good events are \
            appended and each rejected unit is recorded, with its reason, in the rejects file (--rejects; default \
            INPUT.rejects.jsonl, or import.rejects.jsonl for standard input). Event ids come from the source's own \
            ids, so importing the same input again, or a backfill that overlaps a live capture, adds nothing.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    @Argument(
        help: "The source format: zca, oa-webhook, zalo-web, roster-csv or envelopes.",
        transform: { text in
            if text == IngestFormat.envelopes.name { return IngestFormat.envelopes }
            guard let format = ImportFormat(rawValue: text) else {
                throw ValidationError("unknown format \(text); use zca, oa-webhook, zalo-web, roster-csv or envelopes")
            }
            return .source(format)
        }
    )
    var format: IngestFormat

    @Argument(help: "The inputs to read, or - for standard input.")
    var inputs: [String] = ["-"]

    @Flag(help: "Print the events that would be appended, as JSON Lines, and append nothing.")
    var dryRun = false

    @Flag(help: "Append the good events and record each rejected unit in the rejects file.")
    var keepGoing = false

    @Option(help: "The rejects file for --keep-going (appended to; default INPUT.rejects.jsonl).")
    var rejects: String?

    @OptionGroup var follow: FollowOptions

    @Option(help: "Without --follow: commit every N events instead of all at once (0: one commit).")
    var batch = 0

    @Option(help: "zalo-web: the store owner's uid, which the store writes as fromUid \"0\".")
    var account: String?

    @Option(help: "oa-webhook: the OA secret key; every line must then be signed, and its MAC must match.")
    var oaSecret: String?

    @Option(help: "oa-webhook: a file holding the OA secret key (keeps it out of the process list).")
    var oaSecretFile: String?

    @Option(help: "oa-webhook: the app id every body's app_id must equal.")
    var oaAppId: String?

    @Option(help: "roster-csv (required): when the roster took effect, an RFC 3339 time or a date (its start).")
    var asOf: String?

    @Option(help: "roster-csv: who recorded the roster (the events' actor).")
    var actor = "roster-csv"

    @Option(help: "The longest line, array element or CSV record accepted, in bytes.")
    var maxUnitBytes = EnvelopeRules.maxLineBytes

    @Flag(help: "Print the summary (and --follow acknowledgements) as JSON.")
    var json = false

    func validate() throws {
        try follow.check()
        guard batch >= 0 else { throw ValidationError("--batch must be 0 or more") }
        guard maxUnitBytes >= 1024 else { throw ValidationError("--max-unit-bytes must be at least 1024") }
        if follow.follow {
            guard format.isStreamable else { throw ValidationError("roster-csv cannot be followed: give the file") }
            guard inputs.count == 1 else { throw ValidationError("--follow reads exactly one input") }
            guard !dryRun else { throw ValidationError("--dry-run and --follow do not go together") }
        }
        if oaSecret != nil && oaSecretFile != nil {
            throw ValidationError("give --oa-secret or --oa-secret-file, not both")
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input can be read only once") }
        if let asOf, (try? RecordSource.time(asOf, option: "--as-of")) == nil {
            throw ValidationError(
                "--as-of \(asOf) is neither RFC 3339 with an offset (2026-11-02T08:00:00+07:00) nor a date (2026-11-02)"
            )
        }
        if format == .source(.rosterCSV), asOf == nil {
            throw ValidationError(
                "roster-csv needs --as-of: when the roster took effect (a time or a date); a roster stamped with the "
                    + "time of the import makes every finding about its people depend on when it was imported"
            )
        }
        if let problem = EnvelopeRules.identifierProblem(actor) { throw ValidationError("--actor \(problem)") }
        if let account, let problem = EnvelopeRules.identifierProblem(account) {
            throw ValidationError("--account \(problem)")
        }
    }

    func run() throws {
        try Failure.reporting {
            let options = try importOptions()
            if follow.follow {
                try runFollowing(options)
            } else if dryRun {
                try runDry(options)
            } else {
                try runBatch(options)
            }
        }
    }

    func importOptions() throws -> ImportOptions {
        var secret: [UInt8]?
        if let oaSecret { secret = Array(oaSecret.utf8) }
        if let oaSecretFile {
            var bytes = try Directory.readFile(oaSecretFile, limit: 4096)
            while let last = bytes.last, last == 0x0a || last == 0x0d || last == 0x20 { bytes.removeLast() }
            secret = bytes
        }
        let time =
            try asOf.map { try RecordSource.time($0, option: "--as-of").text }
            ?? ZaloTime.rfc3339(millis: Int64(Date().timeIntervalSince1970 * 1000))!
        return ImportOptions(
            limits: ImportLimits(maxUnitBytes: maxUnitBytes),
            account: account,
            oaWebhook: OAWebhookOptions(secret: secret, appID: oaAppId),
            roster: RosterOptions(time: Timestamp(time)!, actor: actor)
        )
    }

    private func runBatch(_ options: ImportOptions) throws {
        var settings = BatchIngest.Settings(inputs: inputs, format: format, options: options)
        settings.batch = batch
        settings.keepGoing = keepGoing
        settings.rejectsPath = rejects
        let writer = try keys.openWriter(ledger)
        defer { writer.close() }
        let report = try BatchRun.run(settings, into: writer)
        let total = report.appended
        if json {
            var members: [(key: String, value: JSONValue)] = [
                ("format", .string(format.name)), ("units", .number(JSONNumber(report.units))),
                ("events", .number(JSONNumber(report.events))), ("appended", .number(JSONNumber(total.appended))),
                ("duplicates", .number(JSONNumber(total.duplicates))),
                ("skipped", .number(JSONNumber(report.skipped.values.reduce(0, +)))),
                ("rejected", .number(JSONNumber(report.rejected.count))), ("size", .number(JSONNumber(total.size))),
            ]
            if let file = report.rejectsFile { members.append(("rejects_file", .string(file))) }
            Console.printJSON(.object(JSONObject(members: members)))
        } else {
            var text =
                "imported \(report.events) events from \(report.units) units: appended \(total.appended), skipped "
                + "\(total.duplicates) duplicates; \(BatchRun.skippedText(report.skipped)); "
                + "\(report.rejected.count) rejected"
            if let file = report.rejectsFile { text += " (recorded in \(file))" }
            print(text + "; the ledger holds \(total.size) records")
        }
    }

    private func runDry(_ options: ImportOptions) throws {
        let settings = BatchIngest.Settings(inputs: inputs, format: format, options: options)
        let progress = ImportProgress()
        let (lines, report) = try BatchIngest(settings, progress: progress.show).dryRun()
        progress.clear()
        for line in lines { print(String(decoding: line, as: UTF8.self)) }
        BatchRun.show(report.rejected, prefix: "rejected: ")
        Console.error(
            "dry run: \(report.events) events from \(report.units) units would be appended; "
                + "\(BatchRun.skippedText(report.skipped)), \(report.rejected.count) rejected"
        )
    }

    private func runFollowing(_ options: ImportOptions) throws {
        let input = try IngestInput(path: inputs[0])
        let decoder = format.decoder(source: ImportSource(name: input.name), options: options)
        let writer = try keys.openWriter(ledger)
        defer { writer.close() }
        for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
        let rejectsFile = keepGoing ? try RejectsFile(path: rejects ?? RejectsFile.defaultPath(for: inputs[0])) : nil
        try follow.run(input, decoder: decoder, into: writer, rejects: rejectsFile, json: json)
    }
}

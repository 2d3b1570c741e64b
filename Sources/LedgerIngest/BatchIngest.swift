import Foundation
public import LedgerCore
public import LedgerImport
public import LedgerStorage

/// Reads inputs to their end and appends their events: all or nothing by default, `batch` events per durable
/// commit, or only what would be appended (`dryRun`). What `groupledger append` and `groupledger import` run.
///
/// The inputs are read and decoded on a second thread (each chunk's units spread over the cores) while this one
/// stages or commits the events in input order, so memory holds a few chunks, not the input:
/// - one commit (`batch == 0`): events are staged in the ledger as they are decoded; the first refused unit
///   abandons the append (unless `keepGoing`), and the rest of the input is still decoded to report every refusal;
/// - `batch > 0` over files: a first reading checks every unit and keeps nothing, a second decodes again and
///   commits `batch` events at a time (each chunk must hash as in the first reading);
/// - `batch > 0` over a stream, which cannot be read twice: the stream is first copied to a spool file in the ledger
///   directory (mode 0600, removed afterwards), which is then read twice like a file.
public struct BatchIngest {
    /// What to read and how to commit it.
    public struct Settings: Sendable {
        /// The inputs, in order; `-` is standard input.
        public var inputs: [String]
        public var format: IngestFormat
        public var options: ImportOptions
        /// Events per durable commit; 0 for one commit of everything.
        public var batch = 0
        /// Append the good events and record each refused unit in the rejects file.
        public var keepGoing = false
        /// The rejects file for `keepGoing` (default: ``RejectsFile/defaultPath(for:)`` of the first input).
        public var rejectsPath: String?
        /// The names that inputs copied to a spool file keep in messages, by the spool's path.
        var displayNames: [String: String] = [:]

        public init(inputs: [String], format: IngestFormat, options: ImportOptions = ImportOptions()) {
            self.inputs = inputs
            self.format = format
            self.options = options
        }
    }

    /// What a run read and appended.
    public struct Report: Sendable {
        /// Units read (lines, array elements, CSV rows).
        public var units = 0
        /// Events the units became.
        public var events = 0
        /// Refused units, when `keepGoing` (otherwise a refusal throws ``Refused``).
        public var rejected: [ImportError] = []
        /// Skipped units by reason (a delivery receipt, a typing notice…).
        public var skipped: [String: Int] = [:]
        /// The appends' total; for a dry run, nothing.
        public var appended = AppendResult(appended: 0, duplicates: 0, firstSeq: nil, size: 0)
        /// Where the refused units were recorded, if any were.
        public var rejectsFile: String?
    }

    /// Thrown when units were refused without `keepGoing`: nothing was appended.
    public struct Refused: Error, Sendable {
        /// Every refused unit, in input order.
        public let errors: [ImportError]
        /// How many units were read.
        public let units: Int

        /// The error to report after the units' own messages.
        public var ledgerError: LedgerError {
            LedgerError(
                .badInput,
                "\(errors.count) of \(units) units refused; nothing was appended (--keep-going appends the rest)"
            )
        }
    }

    /// Where a run stands, for a progress display: called on the calling thread after each chunk.
    public struct Progress: Sendable {
        public let input: String
        public let read: Int
        /// The input's size, when it is a regular file.
        public let size: Int?
        public let units: Int
        public let events: Int
    }

    /// Thrown when ``interrupted`` said so: a single commit was abandoned (nothing appended, the staged records cut
    /// back out of the files); with `batch`, the batches committed before stay.
    public struct Interrupted: Error, Sendable {
        /// What earlier batches committed (`batch > 0`); nothing for a single commit.
        public var committed = AppendResult(appended: 0, duplicates: 0, firstSeq: nil, size: 0)
    }

    let settings: Settings
    let progress: (Progress) -> Void
    let interrupted: @Sendable () -> Bool

    /// - Parameters:
    ///   - progress: called on the calling thread after each chunk.
    ///   - interrupted: asked after each chunk; `true` stops the run (``Interrupted``), as a SIGINT should.
    public init(
        _ settings: Settings,
        progress: @escaping (Progress) -> Void = { _ in },
        interrupted: @escaping @Sendable () -> Bool = { false }
    ) {
        self.settings = settings
        self.progress = progress
        self.interrupted = interrupted
    }

    /// What the reading thread hands over: one chunk's outcomes (as kept, or packed), or the error that stopped it.
    private enum Step {
        case outcomes([Kept], input: String, read: Int, size: Int?)
        case packed([PackedOutcomes], input: String, read: Int, size: Int?)
        case failed(any Error)
    }

    /// What the decoding threads keep of each unit: what `keep` keeps, or (for a single commit, the bulk of the
    /// work) the events packed a run of units at a time, which the appending thread stages without touching each
    /// event's memory.
    private enum Keeping: Sendable {
        case units(@Sendable (ImportOutcome) -> Kept)
        case packed
    }

    /// What `handle` is given: one unit's kept outcome, or a packed run of units.
    private enum Handed {
        case unit(Kept)
        case packed(PackedOutcomes)
    }

    /// What is kept of one unit's outcome: the events' canonical bytes (the committing pass of `--batch`), only
    /// their number (its checking pass), or the lines `--dry-run` prints. The decoding threads make it, so that what is not
    /// kept is freed where it was built.
    private enum Kept: Sendable {
        case events([PreparedEvent])
        case counted(Int)
        case lines([[UInt8]])
        case rejected(ImportError)
        case skipped(String)

        static func events(_ outcome: ImportOutcome) -> Kept {
            switch outcome {
            case .events(let events, _): .events(events)
            case .rejected(let error): .rejected(error)
            case .skipped(_, let reason): .skipped(reason)
            }
        }

        static func counted(_ outcome: ImportOutcome) -> Kept {
            switch outcome {
            case .events(let events, _): .counted(events.count)
            case .rejected(let error): .rejected(error)
            case .skipped(_, let reason): .skipped(reason)
            }
        }

        static func lines(_ outcome: ImportOutcome) -> Kept {
            switch outcome {
            case .events(let events, _): .lines(events.map(BatchIngest.line))
            case .rejected(let error): .rejected(error)
            case .skipped(_, let reason): .skipped(reason)
            }
        }
    }

    /// What one reading of the inputs found.
    private struct Tally {
        var units = 0
        var events = 0
        var errors: [ImportError] = []
        var skipped: [String: Int] = [:]

        mutating func count(_ kept: Kept) {
            units += 1
            switch kept {
            case .events(let more): events += more.count
            case .lines(let more): events += more.count
            case .counted(let count): events += count
            case .rejected(let error): errors.append(error)
            case .skipped(let reason): skipped[reason, default: 0] += 1
            }
        }

        mutating func count(_ unit: PackedOutcomes.Unit) {
            units += 1
            switch unit {
            case .events(let count): events += count
            case .rejected(let error): errors.append(error)
            case .skipped(let reason): skipped[reason, default: 0] += 1
            }
        }
    }

    /// Checks every unit, then appends to `writer` as the settings say.
    ///
    /// - Throws: ``Refused`` when units were refused without `keepGoing` (nothing appended); ``LedgerError`` for an
    ///   input that cannot be read or changed while it was read, and for a failed append.
    public func run(into writer: Ledger) throws -> Report {
        guard settings.batch > 0, !settings.inputs.allSatisfy(BatchIngest.isRegularFile) else {
            return try ingest(settings, into: writer)
        }
        // A stream cannot be read twice: copy it to a spool file in the ledger directory (mode 0600, removed
        // afterwards, and by the next writer after a crash), so that the checked events need not wait in memory.
        var spooled = settings
        spooled.rejectsPath = settings.rejectsPath ?? RejectsFile.defaultPath(for: settings.inputs.first ?? "-")
        var spools: [String] = []
        defer { for path in spools { Directory.removeFile(path) } }
        for (position, path) in settings.inputs.enumerated() where !BatchIngest.isRegularFile(path) {
            let spool = writer.layout.spoolPath(number: position)
            spools.append(spool)
            let input = try IngestInput(path: path)
            try Spool.copy(input, to: spool, name: writer.layout.relative(spool))
            spooled.inputs[position] = spool
            spooled.displayNames[spool] = input.name
        }
        return try ingest(spooled, into: writer)
    }

    /// Ingests inputs that are all regular files, unless `batch` is 0.
    private func ingest(_ settings: Settings, into writer: Ledger) throws -> Report {
        var staged = settings.batch == 0 ? try writer.beginStagedAppend() : nil
        defer { staged?.abandon() }
        let twoReadings = settings.batch > 0
        var chunks = ChunkDigests(twoReadings ? .recording : .off)
        // Once a staged append is given up (a refused unit), later events are only counted: the rest of the input is
        // still decoded, for the report of every refused unit, but nothing more is kept.
        let tally = try decodeInputs(settings, keeping: twoReadings ? .units(Kept.counted) : .packed, chunks: &chunks) {
            handed in
            guard case .packed(let run) = handed, let append = staged else { return }
            // As unit by unit: the events before the run's first refused unit are staged (their own error, a batch
            // too large or a failed write, comes first), then the append is given up.
            var events = run.events
            var refused = false
            if !settings.keepGoing, let first = run.units.firstIndex(where: \.isRejected) {
                events = run.events.prefix(run.units[..<first].reduce(0) { $0 + $1.eventCount })
                refused = true
            }
            do {
                if !events.isEmpty { try append.add(events) }
            } catch {
                staged = nil  // abandoned, and cannot succeed
                throw error
            }
            if refused {
                append.abandon()
                staged = nil
            }
        }
        var report = Report(units: tally.units, events: tally.events, skipped: tally.skipped)
        if !tally.errors.isEmpty {
            guard settings.keepGoing else { throw Refused(errors: tally.errors, units: tally.units) }
            let file = try RejectsFile(
                path: settings.rejectsPath ?? RejectsFile.defaultPath(for: settings.inputs.first ?? "-")
            )
            for error in tally.errors { try file.record(error) }
            try file.sync()
            report.rejected = tally.errors
            report.rejectsFile = file.path
        }

        var total: AppendResult
        if let append = staged {
            staged = nil
            total = try append.commit()
        } else {
            total = AppendResult(appended: 0, duplicates: 0, firstSeq: nil, size: writer.size)
        }
        func commit(_ batch: [PreparedEvent]) throws {
            let result = try writer.append(prepared: batch)
            total.appended += result.appended
            total.duplicates += result.duplicates
            total.firstSeq = total.firstSeq ?? result.firstSeq
            total.size = result.size
        }
        if twoReadings {
            // Every unit passed (or was recorded as rejected): read the inputs again and commit as they come. A
            // chunk that differs from the first reading stops it; the batches before it stay.
            var pending: [PreparedEvent] = []
            chunks.check()
            do {
                _ = try decodeInputs(settings, keeping: .units(Kept.events), chunks: &chunks) { handed in
                    guard case .unit(.events(let more)) = handed else { return }
                    pending += more
                    if pending.count >= settings.batch {
                        try commit(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
            } catch is Interrupted {
                total.size = writer.size
                throw Interrupted(committed: total)
            }
            try commit(pending)
        }
        report.appended = total
        return report
    }

    /// Reads and checks every unit and returns the events as `append` input lines, appending nothing.
    ///
    /// - Returns: the lines, and the report (whose refused units are listed whether or not `keepGoing`).
    public func dryRun() throws -> (lines: [[UInt8]], report: Report) {
        var lines: [[UInt8]] = []
        var chunks = ChunkDigests(.off)
        let tally = try decodeInputs(settings, keeping: .units(Kept.lines), chunks: &chunks) { handed in
            if case .unit(.lines(let more)) = handed { lines += more }
        }
        return (lines, Report(units: tally.units, events: tally.events, rejected: tally.errors, skipped: tally.skipped))
    }

    /// Reads and decodes every input on a second thread (the decoders spread each chunk over the cores, and keep
    /// of each outcome what `keeping` says) while this one passes each unit's kept outcome, or each packed run of
    /// units, to `handle`, in order. An error thrown by `handle` stops the reading and is rethrown once it has
    /// stopped.
    private func decodeInputs(
        _ settings: Settings,
        keeping: Keeping,
        chunks: inout ChunkDigests,
        handle: (Handed) throws -> Void
    ) throws -> Tally {
        var tally = Tally()
        var failure: (any Error)?
        let handOff = HandOff<Step>(capacity: 4)
        let shared = ChunkDigestsBox(chunks)
        let reader = Thread {
            do {
                try BatchIngest.readAll(settings, into: handOff, keeping: keeping, chunks: shared)
            } catch {
                handOff.put(.failed(error))
            }
            handOff.close()
        }
        reader.start()
        // An error thrown by `handle` stops the reading.
        func hand(_ handed: Handed) {
            do {
                try handle(handed)
            } catch {
                failure = error
                handOff.cancel()
            }
        }
        func chunkDone(input: String, read: Int, size: Int?) {
            progress(Progress(input: input, read: read, size: size, units: tally.units, events: tally.events))
            if failure == nil, interrupted() {
                failure = Interrupted()
                handOff.cancel()
            }
        }
        while let step = handOff.take() {
            switch step {
            case .failed(let error):
                failure = failure ?? error
            case .outcomes(let outcomes, let input, let read, let size):
                for kept in outcomes where failure == nil {
                    tally.count(kept)
                    hand(.unit(kept))
                }
                chunkDone(input: input, read: read, size: size)
            case .packed(let runs, let input, let read, let size):
                for run in runs where failure == nil {
                    for unit in run.units { tally.count(unit) }
                    hand(.packed(run))
                }
                chunkDone(input: input, read: read, size: size)
            }
        }
        chunks = shared.digests
        if let failure { throw failure }
        return tally
    }

    /// Reads and decodes every input, handing each chunk's kept outcomes over in order.
    private static func readAll(
        _ settings: Settings,
        into handOff: HandOff<Step>,
        keeping: Keeping,
        chunks: ChunkDigestsBox
    ) throws {
        for (position, path) in settings.inputs.enumerated() {
            let input = try IngestInput(path: path, name: settings.displayNames[path])
            // A file whose events record its digest is read twice: once for the digest, once to decode it; the
            // second read is hashed too, so a file changed in between is refused rather than recorded under the
            // wrong digest.
            let digest =
                settings.format.recordsProvenance && input.isRegularFile && path != "-"
                    && settings.displayNames[path] == nil
                ? try InputDigest.of(path: path) : nil
            // Only a file whose digest is recorded is hashed as it is read.
            let check = digest.map { _ in SHA256Stream() }
            var decoder = settings.format.decoder(
                source: ImportSource(name: input.name, fileSHA256: digest),
                options: settings.options
            )
            var read = 0
            var chunk = 0
            while !handOff.isCancelled,
                try input.read({ bytes in
                    check?.update(bytes)
                    try chunks.see(bytes, input: position, chunk: chunk, name: input.name)
                    chunk += 1
                    read += bytes.count
                    switch keeping {
                    case .units(let keep):
                        let kept = decoder.consume(bytes, reducing: keep)
                        handOff.put(.outcomes(kept, input: input.name, read: read, size: input.size))
                    case .packed:
                        handOff.put(
                            .packed(decoder.consumePacked(bytes), input: input.name, read: read, size: input.size)
                        )
                    }
                })
            {}
            if handOff.isCancelled { return }
            switch keeping {
            case .units(let keep):
                handOff.put(.outcomes(decoder.finish(reducing: keep), input: input.name, read: read, size: input.size))
            case .packed:
                handOff.put(.packed(decoder.finishPacked(), input: input.name, read: read, size: input.size))
            }
            if let digest, let check, check.finish().hex != digest {
                throw LedgerError(.badInput, "\(input.name) changed while it was being read; nothing was appended")
            }
        }
    }

    /// Whether `path` names a regular file (which can be read a second time), not standard input or a pipe.
    private static func isRegularFile(_ path: String) -> Bool {
        guard path != "-", let input = try? IngestInput(path: path) else { return false }
        return input.isRegularFile
    }

    /// The event as an input line of `groupledger append` (`docs/EVENTS.md`), content included.
    static func line(_ prepared: PreparedEvent) -> [UInt8] {
        guard let event = try? prepared.envelope(), case .object(let chain) = event.chainObject else {
            preconditionFailure("an imported event's canonical bytes do not read back as an envelope")
        }
        var members = chain.members
        if let content = event.content { members.append(("content", content)) }
        return JCS.serialize(.object(JSONObject(members: members)))
    }
}

/// The SHA-256 of every chunk the first reading of `--batch` over files read, so that the second reading uses only
/// the same bytes: a chunk that differs stops it before any of its events is committed.
struct ChunkDigests {
    enum Mode { case off, recording, checking }

    private(set) var mode: Mode
    private var digests: [[Hash]] = []
    private let sha = SHA256()

    init(_ mode: Mode) { self.mode = mode }

    /// Records the chunk on the first reading; on the second, refuses one that differs.
    mutating func see(_ bytes: UnsafeRawBufferPointer, input: Int, chunk: Int, name: String) throws {
        guard mode != .off else { return }
        let digest = sha.hash(bytes)
        if mode == .recording {
            while digests.count <= input { digests.append([]) }
            digests[input].append(digest)
            return
        }
        guard input < digests.count, chunk < digests[input].count, digests[input][chunk] == digest else {
            throw LedgerError(
                .badInput,
                "\(name) changed after it was checked: the batches committed before the change stay, nothing after "
                    + "it was appended"
            )
        }
    }

    /// The next reading checks its chunks against this one.
    mutating func check() { mode = .checking }
}

/// Lets the reading thread update the chunk digests that the main thread owns between readings.
private final class ChunkDigestsBox: @unchecked Sendable {
    var digests: ChunkDigests

    init(_ digests: ChunkDigests) { self.digests = digests }

    func see(_ bytes: UnsafeRawBufferPointer, input: Int, chunk: Int, name: String) throws {
        try digests.see(bytes, input: input, chunk: chunk, name: name)
    }
}

import Foundation
import LedgerCore
import LedgerImport
import LedgerStorage

/// `import` without `--follow`: read and check every input to its end, then append (all or nothing, unless
/// `--keep-going`), or print what would be appended (`--dry-run`).
struct ImportBatch {
    let command: ImportCommand
    let options: ImportOptions

    /// At most this many errors are printed; the rest are counted.
    static let shownErrors = 20

    /// What the reading thread hands over: one chunk's outcomes, or the error that stopped it.
    private enum Step {
        case outcomes([Kept], input: String, read: Int, size: Int?)
        case failed(any Error)
    }

    /// What is kept of one unit's outcome: the events' canonical bytes, only their number (the checking pass of
    /// `--batch` over files), or the lines `--dry-run` prints. The decoding threads make it, so that what is not
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
            case .events(let events, _): .lines(events.map(ImportBatch.line))
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
    }

    func run() throws {
        var dryRunLines: [[UInt8]] = []
        var events: [PreparedEvent] = []
        // One commit (no --batch): the events are staged in the ledger as they are decoded, so memory stays small
        // and the writing overlaps the decoding; the first refused unit abandons it (unless --keep-going). With
        // --batch N, every unit is checked before the first of the commits: over files by a first reading that
        // keeps nothing (the second reads them again and commits as it goes), over a stream by keeping the events.
        let writer = command.dryRun ? nil : try command.keys.openWriter(command.ledger)
        defer { writer?.close() }
        for message in writer?.recovery.messages ?? [] { Console.error("groupledger: \(message)") }
        var staged = command.batch == 0 ? try writer?.beginStagedAppend() : nil
        defer { staged?.abandon() }
        let twoReadings = writer != nil && command.batch > 0 && command.inputs.allSatisfy(ImportBatch.isRegularFile)
        var chunks = ChunkDigests(twoReadings ? .recording : .off)

        let keep: @Sendable (ImportOutcome) -> Kept =
            command.dryRun ? Kept.lines : twoReadings ? Kept.counted : Kept.events
        // Once a staged append is given up (a refused unit), later events are only counted: the rest of the input is
        // still decoded, for the report of every refused unit, but nothing more is kept.
        let staging = staged != nil
        let tally = try decodeInputs(keep: keep, chunks: &chunks) { kept in
            switch kept {
            case .events(let more):
                guard staging else {
                    events += more
                    return
                }
                guard let append = staged else { return }
                do {
                    try append.add(more)
                } catch {
                    staged = nil  // abandoned, and cannot succeed
                    throw error
                }
            case .lines(let more):
                dryRunLines += more
            case .rejected:
                if !command.keepGoing, let append = staged {
                    append.abandon()
                    staged = nil
                }
            case .counted, .skipped:
                break
            }
        }

        var rejectsFile: ImportRejects?
        if !tally.errors.isEmpty {
            guard command.keepGoing else {
                for error in tally.errors.prefix(ImportBatch.shownErrors) { Console.error("groupledger: \(error)") }
                if tally.errors.count > ImportBatch.shownErrors {
                    Console.error("groupledger: … and \(tally.errors.count - ImportBatch.shownErrors) more")
                }
                throw LedgerError(
                    .badInput,
                    "\(tally.errors.count) of \(tally.units) units refused; nothing was appended (--keep-going appends "
                        + "the rest)"
                )
            }
            if !command.dryRun {
                let file = try ImportRejects(path: command.rejects ?? ImportRejects.defaultPath(for: command.inputs[0]))
                for error in tally.errors { try file.record(error) }
                try file.sync()
                rejectsFile = file
            }
        }

        guard let writer else {
            for line in dryRunLines { print(String(decoding: line, as: UTF8.self)) }
            for error in tally.errors.prefix(ImportBatch.shownErrors) {
                Console.error("groupledger: rejected: \(error)")
            }
            Console.error(
                "dry run: \(tally.events) events from \(tally.units) units would be appended; "
                    + "\(skippedText(tally.skipped)), \(tally.errors.count) rejected"
            )
            return
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
            _ = try decodeInputs(keep: Kept.events, chunks: &chunks) { kept in
                guard case .events(let more) = kept else { return }
                pending += more
                if pending.count >= command.batch {
                    try commit(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try commit(pending)
        } else {
            for start in stride(from: 0, to: events.count, by: max(command.batch, 1)) {
                try commit(Array(events[start..<min(events.count, start + command.batch)]))
            }
        }
        if command.json {
            var members: [(key: String, value: JSONValue)] = [
                ("format", .string(command.format.rawValue)), ("units", .number(JSONNumber(tally.units))),
                ("events", .number(JSONNumber(tally.events))), ("appended", .number(JSONNumber(total.appended))),
                ("duplicates", .number(JSONNumber(total.duplicates))),
                ("skipped", .number(JSONNumber(tally.skipped.values.reduce(0, +)))),
                ("rejected", .number(JSONNumber(tally.errors.count))), ("size", .number(JSONNumber(total.size))),
            ]
            if let rejectsFile { members.append(("rejects_file", .string(rejectsFile.path))) }
            Console.printJSON(.object(JSONObject(members: members)))
        } else {
            var text =
                "imported \(tally.events) events from \(tally.units) units: appended \(total.appended), skipped "
                + "\(total.duplicates) duplicates; \(skippedText(tally.skipped)); \(tally.errors.count) rejected"
            if let rejectsFile { text += " (recorded in \(rejectsFile.path))" }
            print(text + "; the ledger holds \(total.size) records")
        }
    }

    /// Reads and decodes every input on a second thread (the decoders spread each chunk over the cores, and keep
    /// of each outcome only what `keep` keeps) while this one passes each unit's kept outcome to `handle`, in
    /// order. An error thrown by `handle` stops the reading and is rethrown once it has stopped.
    private func decodeInputs(
        keep: @escaping @Sendable (ImportOutcome) -> Kept,
        chunks: inout ChunkDigests,
        handle: (Kept) throws -> Void
    ) throws -> Tally {
        var tally = Tally()
        var progress = ImportProgress()
        var failure: (any Error)?
        let handOff = HandOff<Step>(capacity: 4)
        let shared = ChunkDigestsBox(chunks)
        let reader = Thread { [self] in
            do {
                try readAll(into: handOff, keep: keep, chunks: shared)
            } catch {
                handOff.put(.failed(error))
            }
            handOff.close()
        }
        reader.start()
        while let step = handOff.take() {
            switch step {
            case .failed(let error):
                failure = failure ?? error
            case .outcomes(let outcomes, let input, let read, let size):
                for kept in outcomes where failure == nil {
                    tally.units += 1
                    switch kept {
                    case .events(let more): tally.events += more.count
                    case .lines(let more): tally.events += more.count
                    case .counted(let count): tally.events += count
                    case .rejected(let error): tally.errors.append(error)
                    case .skipped(let reason): tally.skipped[reason, default: 0] += 1
                    }
                    do {
                        try handle(kept)
                    } catch {
                        failure = error
                        handOff.cancel()
                    }
                }
                progress.show(input: input, read: read, size: size, units: tally.units, events: tally.events)
            }
        }
        chunks = shared.digests
        if let failure { throw failure }
        progress.clear()
        return tally
    }

    /// Reads and decodes every input, handing each chunk's kept outcomes over in order.
    private func readAll(
        into handOff: HandOff<Step>,
        keep: @escaping @Sendable (ImportOutcome) -> Kept,
        chunks: ChunkDigestsBox
    ) throws {
        for (position, path) in command.inputs.enumerated() {
            let input = try ImportInput(path: path)
            // A file is read twice: once for the digest its events record, once to decode it; the second read is
            // hashed too, so a file changed in between is refused rather than recorded under the wrong digest.
            let digest = input.isRegularFile && path != "-" ? try ImportFileDigest.of(path: path) : nil
            let check = SHA256Stream()
            var decoder = command.format.decoder(
                source: ImportSource(name: input.name, fileSHA256: digest),
                options: options
            )
            var read = 0
            var chunk = 0
            while !handOff.isCancelled,
                try input.read({ bytes in
                    check.update(bytes)
                    try chunks.see(bytes, input: position, chunk: chunk, name: input.name)
                    chunk += 1
                    read += bytes.count
                    let kept = decoder.consume(bytes, reducing: keep)
                    handOff.put(.outcomes(kept, input: input.name, read: read, size: input.size))
                })
            {}
            if handOff.isCancelled { return }
            handOff.put(.outcomes(decoder.finish(reducing: keep), input: input.name, read: read, size: input.size))
            if let digest, check.finish().hex != digest {
                throw LedgerError(.badInput, "\(input.name) changed while it was being imported; nothing was appended")
            }
        }
    }

    /// Whether `path` names a regular file (which can be read a second time), not standard input or a pipe.
    private static func isRegularFile(_ path: String) -> Bool {
        guard path != "-", let input = try? ImportInput(path: path) else { return false }
        return input.isRegularFile
    }

    private func skippedText(_ skipped: [String: Int]) -> String {
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return "0 units skipped" }
        let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
        return "\(total) units skipped (\(reasons))"
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

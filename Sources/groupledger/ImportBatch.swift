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

    /// What is kept of one unit's outcome: without --dry-run only the events' canonical bytes, with it the lines it
    /// prints. The decoding threads make it, so that the JSON trees are freed where they were built.
    private enum Kept: Sendable {
        case events([PreparedEvent])
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

        static func lines(_ outcome: ImportOutcome) -> Kept {
            switch outcome {
            case .events(let events, _): .lines(events.map(ImportBatch.line))
            case .rejected(let error): .rejected(error)
            case .skipped(_, let reason): .skipped(reason)
            }
        }
    }

    func run() throws {
        var events: [PreparedEvent] = []
        var dryRunLines: [[UInt8]] = []
        var eventCount = 0
        var errors: [ImportError] = []
        var skipped: [String: Int] = [:]
        var units = 0
        var progress = ImportProgress()

        // One commit (no --batch): the events are staged in the ledger as they are decoded, so memory stays small
        // and the writing overlaps the decoding; the first refused unit abandons it (unless --keep-going). With
        // --batch N, every unit is checked before the first of the commits.
        let writer = command.dryRun ? nil : try Ledger.open(at: command.ledger.path)
        defer { writer?.close() }
        for message in writer?.recovery.messages ?? [] { Console.error("groupledger: \(message)") }
        var staged = command.batch == 0 ? try writer?.beginStagedAppend() : nil
        defer { staged?.abandon() }
        // Once a staged append is given up (a refused unit, a failed write), later events are only counted: the
        // rest of the input is still decoded, for the report of every refused unit, but nothing more is kept.
        let staging = staged != nil
        var failure: (any Error)?

        // A second thread reads and decodes (the decoders spread each chunk over the cores, and keep of each
        // outcome only what is needed) while this one collects it.
        let handOff = HandOff<Step>(capacity: 4)
        let reader = Thread { [self] in
            do {
                try readAll(into: handOff)
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
                staged?.abandon()
                staged = nil
            case .outcomes(let outcomes, let input, let read, let size):
                for outcome in outcomes {
                    units += 1
                    switch outcome {
                    case .events(let more):
                        eventCount += more.count
                        guard staging else {
                            events += more
                            continue
                        }
                        do {
                            try staged?.add(more)
                        } catch {
                            // The append is abandoned and cannot succeed: stop reading.
                            failure = failure ?? error
                            staged = nil
                            handOff.cancel()
                        }
                    case .lines(let more):
                        eventCount += more.count
                        dryRunLines += more
                    case .rejected(let error):
                        errors.append(error)
                        if !command.keepGoing, let append = staged {
                            append.abandon()
                            staged = nil
                        }
                    case .skipped(let reason):
                        skipped[reason, default: 0] += 1
                    }
                }
                progress.show(input: input, read: read, size: size, units: units, events: eventCount)
            }
        }
        if let failure { throw failure }
        progress.clear()

        var rejectsFile: ImportRejects?
        if !errors.isEmpty {
            guard command.keepGoing else {
                for error in errors.prefix(ImportBatch.shownErrors) { Console.error("groupledger: \(error)") }
                if errors.count > ImportBatch.shownErrors {
                    Console.error("groupledger: … and \(errors.count - ImportBatch.shownErrors) more")
                }
                throw LedgerError(
                    .badInput,
                    "\(errors.count) of \(units) units refused; nothing was appended (--keep-going appends the rest)"
                )
            }
            if !command.dryRun {
                let file = try ImportRejects(path: command.rejects ?? ImportRejects.defaultPath(for: command.inputs[0]))
                for error in errors { try file.record(error) }
                try file.sync()
                rejectsFile = file
            }
        }

        guard let writer else {
            for line in dryRunLines { print(String(decoding: line, as: UTF8.self)) }
            for error in errors.prefix(ImportBatch.shownErrors) { Console.error("groupledger: rejected: \(error)") }
            Console.error(
                "dry run: \(eventCount) events from \(units) units would be appended; \(skippedText(skipped)), "
                    + "\(errors.count) rejected"
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
        for start in stride(from: 0, to: events.count, by: max(command.batch, 1)) {
            let result = try writer.append(prepared: Array(events[start..<min(events.count, start + command.batch)]))
            total.appended += result.appended
            total.duplicates += result.duplicates
            total.firstSeq = total.firstSeq ?? result.firstSeq
            total.size = result.size
        }
        if command.json {
            var members: [(key: String, value: JSONValue)] = [
                ("format", .string(command.format.rawValue)), ("units", .number(JSONNumber(units))),
                ("events", .number(JSONNumber(eventCount))), ("appended", .number(JSONNumber(total.appended))),
                ("duplicates", .number(JSONNumber(total.duplicates))),
                ("skipped", .number(JSONNumber(skipped.values.reduce(0, +)))),
                ("rejected", .number(JSONNumber(errors.count))), ("size", .number(JSONNumber(total.size))),
            ]
            if let rejectsFile { members.append(("rejects_file", .string(rejectsFile.path))) }
            Console.printJSON(.object(JSONObject(members: members)))
        } else {
            var text =
                "imported \(eventCount) events from \(units) units: appended \(total.appended), skipped "
                + "\(total.duplicates) duplicates; \(skippedText(skipped)); \(errors.count) rejected"
            if let rejectsFile { text += " (recorded in \(rejectsFile.path))" }
            print(text + "; the ledger holds \(total.size) records")
        }
    }

    /// Reads and decodes every input, handing each chunk's outcomes over in order.
    private func readAll(into handOff: HandOff<Step>) throws {
        for path in command.inputs {
            let input = try ImportInput(path: path)
            // A file is read twice: once for the digest its events record, once to decode it; the second read is
            // hashed too, so a file changed in between is refused rather than recorded under the wrong digest.
            let digest = input.isRegularFile && path != "-" ? try ImportFileDigest.of(path: path) : nil
            let check = SHA256Stream()
            var decoder = command.format.decoder(
                source: ImportSource(name: input.name, fileSHA256: digest),
                options: options
            )
            let keep: @Sendable (ImportOutcome) -> Kept = command.dryRun ? Kept.lines : Kept.events
            var read = 0
            while !handOff.isCancelled,
                try input.read({ chunk in
                    check.update(chunk)
                    read += chunk.count
                    let kept = decoder.consume(chunk, reducing: keep)
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

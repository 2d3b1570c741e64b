// Properties shared by the importer targets (FuzzZca, FuzzOAWebhook, FuzzZaloWeb, FuzzRosterCSV): each feeds the
// input to a `SourceDecoder` and hands the outcomes to `ImportHarness.check`, which checks what every importer
// promises, whatever the bytes:
//
// - determinism: decoding the same bytes twice gives the same outcomes, byte for byte;
// - chunking: one chunk, a split at a point derived from the input's hash (with an empty chunk there), and chunks
//   of 1 to 64 bytes give the same outcomes (event bytes, rejection messages and offsets, skip reasons);
// - locations: every outcome names this input and the format's unit; its unit and byte offsets lie inside the
//   input; a JSON Lines outcome names the line its offset starts (and every non-blank line gives exactly one
//   outcome); a Zalo Web element that was read starts with `{`; streaming formats report units in input order;
// - events: every accepted event passes what `append` runs on an input line (its `--dry-run` line is accepted by
//   `EnvelopeDecoder` and `EventCatalogue.validate` and reads back as the same event), fits a record, and its chain
//   bytes are accepted by the stored-record decoder and are stable; `data.source` names the format and the unit;
// - idempotency: the same bytes read as a file (another name, a digest) give the same event ids, contents and
//   rejections; only `data.source` differs.
import GroupDomain
import LedgerCore
import LedgerImport

/// Drives one importer's decoder over fuzz input and checks the shared properties.
public struct ImportHarness: Sendable {
    /// The name of the stream the fuzz input is read as. Its length makes `data.source` exactly as long as with
    /// ``file`` (`"stream":"…"` and `"file_sha256":"<64 hex>"`), so a size limit cannot tell the two apart.
    public static let source = ImportSource(name: "fuzz-input-" + String(repeating: "s", count: 58))
    /// The same input read as a file.
    public static let file = ImportSource(name: "fuzz.jsonl", fileSHA256: String(repeating: "ab", count: 32))
    /// Small bounds, so that the fuzzer reaches the over-long unit, deep nesting and row-count errors.
    public static let limits = ImportLimits(maxUnitBytes: 4096, maxDepth: EnvelopeRules.maxDepth, maxRosterRows: 100)

    public let format: ImportFormat
    public let unit: SourceLocation.Unit
    /// Whether outcomes come out in input order (not the roster, whose rows are resolved at the end).
    public let inOrder: Bool
    let make: @Sendable (ImportSource) -> any SourceDecoder

    public init(
        format: ImportFormat,
        unit: SourceLocation.Unit,
        inOrder: Bool = true,
        make: @escaping @Sendable (ImportSource) -> any SourceDecoder
    ) {
        self.format = format
        self.unit = unit
        self.inOrder = inOrder
        self.make = make
    }

    /// Checks every shared property on `bytes`; returns the outcomes of the one-chunk decode.
    @discardableResult
    public func check(_ bytes: [UInt8]) -> [ImportOutcome] {
        let whole = decode(bytes)
        let fingerprint = ImportHarness.fingerprint(whole)
        Fuzz.require(ImportHarness.fingerprint(decode(bytes)) == fingerprint, "decoding twice gives other outcomes")
        let hash = ImportHarness.hash(bytes)
        let cut = Int(hash % UInt64(bytes.count + 1))
        Fuzz.require(
            ImportHarness.fingerprint(decode(bytes, cuts: [cut, cut])) == fingerprint,
            "split at byte \(cut) of \(bytes.count), the outcomes differ from one chunk"
        )
        let step = 1 + Int((hash >> 32) % 64)
        Fuzz.require(
            ImportHarness.fingerprint(decode(bytes, cuts: Array(stride(from: step, to: bytes.count, by: step))))
                == fingerprint,
            "in chunks of \(step) bytes, the outcomes differ from one chunk"
        )
        checkLocations(whole, in: bytes, source: ImportHarness.source)
        for case .events(let events, let location) in whole {
            for event in events { checkEvent(event, at: location, source: ImportHarness.source) }
        }
        let asFile = decode(bytes, source: ImportHarness.file)
        for case .events(let events, let location) in asFile {
            for event in events { checkEvent(event, at: location, source: ImportHarness.file) }
        }
        Fuzz.require(
            ImportHarness.summary(asFile) == ImportHarness.summary(whole),
            "read as a file, the input gives other event ids, contents or rejections"
        )
        return whole
    }

    /// The outcomes of a fresh decoder fed `bytes` cut at `cuts` (ascending offsets; a repeated offset feeds an
    /// empty chunk), then ended.
    public func decode(
        _ bytes: [UInt8],
        source: ImportSource = ImportHarness.source,
        cuts: [Int] = []
    ) -> [ImportOutcome] {
        var decoder = make(source)
        var outcomes: [ImportOutcome] = []
        var start = 0
        for end in cuts + [bytes.count] {
            outcomes += bytes[start..<end].withUnsafeBytes { decoder.consume($0) }
            start = end
        }
        return outcomes + decoder.finish()
    }

    /// Everything an outcome says, as bytes: event lines (with provenance), rejections as printed, skip reasons.
    public static func fingerprint(_ outcomes: [ImportOutcome]) -> [[UInt8]] {
        outcomes.map { outcome in
            switch outcome {
            case .events(let events, let location):
                return Array("events \(location)".utf8) + events.flatMap { [0x0a] + line(envelope($0)) }
            case .rejected(let error):
                return Array("rejected \(error) [\(error.field ?? "-")]".utf8)
            case .skipped(let location, let reason):
                return Array("skipped \(location): \(reason)".utf8)
            }
        }
    }

    /// What must not depend on the input's name or digest: the units, event ids, types, times, actors, groups and
    /// contents, and the rejections' offsets, fields and reasons.
    public static func summary(_ outcomes: [ImportOutcome]) -> [[UInt8]] {
        outcomes.map { outcome in
            switch outcome {
            case .events(let events, let location):
                return Array("events \(location.number) \(location.byteOffset)".utf8)
                    + events.map(envelope).flatMap { event -> [UInt8] in
                        Array(
                            "\n\(event.id) \(event.type) \(event.time.text) \(event.actor) \(event.group ?? "-") ".utf8
                        )
                            + (event.canonicalContentBytes() ?? [])
                    }
            case .rejected(let error):
                return Array(
                    "rejected \(error.location.number) \(error.byteOffset) \(error.field ?? "-") \(error.reason)".utf8
                )
            case .skipped(let location, let reason):
                return Array("skipped \(location.number) \(location.byteOffset) \(reason)".utf8)
            }
        }
    }

    /// The structured view of an imported event; its bytes must read back.
    public static func envelope(_ prepared: PreparedEvent) -> EventEnvelope {
        do {
            return try prepared.envelope()
        } catch {
            Fuzz.violated("\(prepared.id): its canonical bytes do not read back as an envelope: \(error.message)")
        }
    }

    /// The event as `groupledger import --dry-run` prints it: an input line of `append`, content included.
    public static func line(_ event: EventEnvelope) -> [UInt8] {
        guard case .object(let chain) = event.chainObject else { return [] }
        var members = chain.members
        if let content = event.content { members.append(("content", content)) }
        return JCS.serialize(.object(JSONObject(members: members)))
    }

    /// FNV-1a, to derive split points from the input.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    func checkLocations(_ outcomes: [ImportOutcome], in bytes: [UInt8], source: ImportSource) {
        var previous = (number: Int.min, offset: Int.min)
        var lines: [Int] = []
        for outcome in outcomes {
            let location = ImportHarness.location(of: outcome)
            if case .rejected(let error) = outcome {
                checkRejection(error, in: bytes)
            } else {
                checkRead(outcome, at: location, in: bytes)
            }
            Fuzz.require(location.name == source.name, "\(location): not the input's name")
            Fuzz.require(location.unit == unit, "\(location): not a \(unit.rawValue)")
            Fuzz.require(
                location.byteOffset >= 0 && location.byteOffset <= bytes.count,
                "\(location): outside the input"
            )
            Fuzz.require(location.number >= (unit == .element ? 0 : 1), "\(location): numbered below the first unit")
            switch unit {
            case .line:
                let before = bytes[..<location.byteOffset]
                Fuzz.require(
                    location.byteOffset == 0 || before.last == 0x0a,
                    "\(location): the offset is not the start of a line"
                )
                Fuzz.require(
                    location.number == 1 + before.count { $0 == 0x0a },
                    "\(location): the offset is on another line"
                )
                lines.append(location.number)
            case .row:
                Fuzz.require(
                    location.number <= 1 + bytes[..<location.byteOffset].count { $0 == 0x0a || $0 == 0x0d },
                    "\(location): more rows than line breaks before it"
                )
            case .element:
                break
            }
            if inOrder {
                Fuzz.require(
                    location.number >= previous.number && location.byteOffset >= previous.offset,
                    "\(location) comes after unit \(previous.number) (byte \(previous.offset))"
                )
                Fuzz.require(
                    unit != .line || location.number > previous.number,
                    "\(location): a second outcome for one line"
                )
            }
            previous = (location.number, location.byteOffset)
        }
        if case .line = unit {
            Fuzz.require(
                lines == nonBlankLines(bytes),
                "the outcomes' lines \(lines) are not the input's non-blank lines"
            )
        }
    }

    /// Where the outcome's unit is.
    public static func location(of outcome: ImportOutcome) -> SourceLocation {
        switch outcome {
        case .events(_, let location): location
        case .skipped(let location, _): location
        case .rejected(let error): error.location
        }
    }

    /// A unit that was read and parsed: it starts inside the input, with `{` for a line or an element.
    func checkRead(_ outcome: ImportOutcome, at location: SourceLocation, in bytes: [UInt8]) {
        Fuzz.require(location.byteOffset < bytes.count, "\(location): a unit that was read starts at the end")
        guard location.byteOffset < bytes.count else { return }
        let spaces: Set<UInt8> = [0x20, 0x09, 0x0d]
        if unit == .line {
            let first = bytes[location.byteOffset...].first { !spaces.contains($0) }
            Fuzz.require(first == UInt8(ascii: "{"), "\(location): an accepted line is not a JSON object")
        }
        if unit == .element {
            Fuzz.require(
                bytes[location.byteOffset] == UInt8(ascii: "{"),
                "\(location): an accepted element does not start with {"
            )
        }
        if case .skipped(_, let reason) = outcome {
            Fuzz.require(!reason.isEmpty, "\(location): skipped without a reason")
        }
    }

    func checkRejection(_ error: ImportError, in bytes: [UInt8]) {
        Fuzz.require(
            error.byteOffset >= error.location.byteOffset && error.byteOffset <= bytes.count,
            "\(error): the error's byte offset is outside its unit or the input (\(bytes.count) bytes)"
        )
        Fuzz.require(!error.reason.isEmpty, "\(error.location): a rejection without a reason")
    }

    /// The lines that the JSON Lines framer must turn into an outcome: over-long ones, and those holding more than
    /// spaces, tabs and carriage returns.
    func nonBlankLines(_ bytes: [UInt8]) -> [Int] {
        var numbers: [Int] = []
        for (index, line) in bytes.split(separator: 0x0a, omittingEmptySubsequences: false).enumerated() {
            if line.count > ImportHarness.limits.maxUnitBytes
                || line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0d })
            {
                numbers.append(index + 1)
            }
        }
        return numbers
    }

    func checkEvent(_ prepared: PreparedEvent, at location: SourceLocation, source: ImportSource) {
        let event = ImportHarness.envelope(prepared)
        let chain = prepared.chainBytes
        Fuzz.require(
            JCS.serialize(event.chainObject) == chain
                && event.content.map { JCS.serialize($0) } == prepared.contentBytes,
            "\(location): \(event.id): its bytes are not the canonical form of the event they read back as"
        )
        Fuzz.require(prepared.id == event.id && !prepared.isLedgerEvent, "\(location): \(event.id): wrong id or kind")
        Fuzz.require(chain.count <= Record.maxEnvelopeSize, "\(location): \(event.id) does not fit a record")
        if let content = event.canonicalContentBytes() {
            Fuzz.require(content.count <= EnvelopeRules.maxContentBytes, "\(location): \(event.id): content too long")
        }
        do {
            try EventCatalogue.validate(event, at: "\(location)")
        } catch {
            Fuzz.violated("\(location): the event catalogue refuses an imported event: \(error.message)")
        }
        let line = ImportHarness.line(event)
        let again: EventEnvelope
        do {
            again = try EnvelopeDecoder().decode(line, at: "\(location)")
            try EventCatalogue.validate(again, at: "\(location)")
        } catch {
            Fuzz.violated("append refuses the --dry-run line of an imported event: \(error.message)")
        }
        Fuzz.require(
            again.canonicalChainBytes() == chain && again.canonicalContentBytes() == event.canonicalContentBytes(),
            "\(location): \(event.id) reads back from its --dry-run line as a different event"
        )
        guard let stored = try? EnvelopeDecoder().decodeStored(chain, seq: 1) else {
            Fuzz.violated("\(location): \(event.id): the stored-record decoder refuses its chain bytes")
        }
        Fuzz.require(stored.canonicalChainBytes() == chain, "\(location): \(event.id): chain bytes are not stable")
        Fuzz.require(
            stored.id == event.id && stored.type == event.type && stored.time == event.time
                && stored.actor == event.actor && stored.group == event.group,
            "\(location): \(event.id) reads back from its record as a different event"
        )
        guard let provenance = event.data?["source"] else {
            Fuzz.violated("\(location): \(event.id) has no data.source")
        }
        Fuzz.require(
            provenance["format"] == .string(format.rawValue)
                && provenance[unit.rawValue] == .number(JSONNumber(location.number))
                && (source.fileSHA256.map { provenance["file_sha256"] == .string($0) }
                    ?? (provenance["stream"] == .string(source.name))),
            "\(location): \(event.id): data.source \(provenance) does not name the format, input and unit"
        )
    }
}

extension ImportHarness {
    /// The ids of the accepted events, in order.
    public static func eventIDs(_ outcomes: [ImportOutcome]) -> [String] {
        outcomes.flatMap { outcome -> [String] in
            guard case .events(let events, _) = outcome else { return [] }
            return events.map(\.id)
        }
    }
}

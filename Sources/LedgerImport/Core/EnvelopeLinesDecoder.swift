import GroupDomain
public import LedgerCore

/// Decodes GroupLedger's own input, JSON Lines of event envelopes (`docs/EVENTS.md`), with exactly the checks of
/// `groupledger append`, incrementally: what `append --follow` reads.
public struct EnvelopeLinesDecoder: SourceDecoder, UnitMapping {
    /// How many threads map the units of a large chunk (default: one per online processor); the outcomes are
    /// the same with any number.
    public var threads = UnitMappingPool.threads
    /// Whether plainly valid lines take ``EnvelopeDirectLine`` (the default); off, every line takes the general
    /// path, which tests and fuzzing compare it with.
    public var directPath = true
    private var framer: JSONLinesFramer
    private let decoder = EnvelopeDecoder()
    private let direct = EnvelopeDirectLine()
    private var sha = SHA256()

    public init(name: String, maxLineBytes: Int = EnvelopeRules.maxLineBytes) {
        framer = JSONLinesFramer(name: name, maxLineBytes: maxLineBytes)
    }

    public mutating func consume<Reduced: Sendable>(
        _ chunk: UnsafeRawBufferPointer,
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        outcomes(framer.feed(chunk), reducing: reduce)
    }

    public mutating func finish<Reduced: Sendable>(
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        outcomes(framer.finish(), reducing: reduce)
    }

    /// The lines that lie whole in `chunk` are read where they are; only those the direct path declines are copied,
    /// for the general path.
    public mutating func consumePacked(_ chunk: UnsafeRawBufferPointer) -> [PackedOutcomes] {
        let shared = ThreadPrivate(chunk)
        let name = framer.name
        return mapSlices(framer.feedLines(chunk)) { mapper, lines in
            let chunk = shared.value
            var packed = PackedOutcomes()
            let sha = SHA256()
            for line in lines {
                switch line {
                case .inChunk(let range, let place):
                    let bytes = UnsafeRawBufferPointer(rebasing: chunk[range])
                    mapper.pack(line: bytes, into: &packed, sha: sha) {
                        FramedUnit(location: place.location(in: name), bytes: Array(bytes))
                    }
                case .gathered(let unit): mapper.pack(.success(unit), into: &packed, sha: sha)
                case .tooLong(let error): packed.add(.rejected(error), sha: sha)
                }
            }
            return packed
        }
    }

    public mutating func finishPacked() -> [PackedOutcomes] {
        packedOutcomes(framer.finish())
    }

    func forAnotherThread() -> Self {
        var copy = self
        copy.sha = SHA256()
        return copy
    }

    func pack(_ framed: Result<FramedUnit, ImportError>, into packed: inout PackedOutcomes, sha: SHA256) {
        guard case .success(let unit) = framed else { return packed.add(outcome(framed), sha: sha) }
        unit.bytes.withUnsafeBytes { bytes in pack(line: bytes, into: &packed, sha: sha) { unit } }
    }

    /// Packs the line `bytes`: straight into the batch when the direct path takes it, otherwise the general path's
    /// outcome for it (`unit` gives the line as an owned unit, asked for only then).
    private func pack(
        line bytes: UnsafeRawBufferPointer,
        into packed: inout PackedOutcomes,
        sha: SHA256,
        unit: () -> FramedUnit
    ) {
        if directPath, direct.append(bytes, to: &packed.events, sha: sha) {
            packed.units.append(.events(1))
            return
        }
        do throws(ImportError) {
            packed.add(try generalOutcome(of: unit()), sha: sha)
        } catch {
            packed.add(.rejected(error), sha: sha)
        }
    }

    func outcome(of unit: FramedUnit) throws(ImportError) -> ImportOutcome {
        if directPath, let event = unit.bytes.withUnsafeBytes({ direct.event($0, sha: sha) }) {
            return .events([event], unit.location)
        }
        return try generalOutcome(of: unit)
    }

    /// The outcome of `unit` on the general path: a JSON tree, ``EnvelopeDecoder`` and the catalogue.
    private func generalOutcome(of unit: FramedUnit) throws(ImportError) -> ImportOutcome {
        let label = unit.location.description
        do {
            let event = try decoder.decode(unit.bytes, at: label)
            try EventCatalogue.validate(event, at: label)
            return .events([PreparedEvent(event)], unit.location)
        } catch {
            var reason = error.message
            if reason.hasPrefix(label + ": ") { reason.removeFirst(label.count + 2) }
            throw ImportError(unit.location, reason)
        }
    }
}

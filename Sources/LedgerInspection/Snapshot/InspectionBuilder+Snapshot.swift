import GroupDomain
import LedgerCore

extension InspectionBuilder {
    /// Writes everything applied so far in two sections a reader can read at once: the rule checker's progress;
    /// then the catalogue as columns and each index.
    func write(to sink: ByteSink) throws {
        try sink.section { try checker.progress.write(to: $0) }
        try sink.section { try Indexes(of: self).write(to: $0) }
    }

    /// Reads the payload ``write(to:)`` wrote (after ``ByteSink/finished()``'s tables), judging findings under
    /// `configuration` from there on. The two sections are read while the payload's SHA-256 is worked out, all
    /// three at once; a payload whose hash is not `hash` is refused as damaged, whatever the reading made of it.
    init(configuration: RuleConfiguration, reading payload: ByteSource.Section, hash: Hash) throws {
        let source = ByteSource(payload)
        let progressSection: ByteSource.Section
        let indexesSection: ByteSource.Section
        do {
            try source.takeTables()
            progressSection = try source.takeSection()
            indexesSection = try source.takeSection()
            guard source.isAtEnd else { throw SnapshotError("goes on after its last index") }
        } catch {
            guard payload.hash() == hash else { throw SnapshotError("is damaged (its payload hash differs)") }
            throw error
        }
        let (payloadHash, progress, indexes) = Concurrently.run(
            { payload.hash() },
            { try RuleChecker.Progress(reading: ByteSource(progressSection)) },
            { try Indexes(reading: ByteSource(indexesSection)) }
        )
        guard try payloadHash.get() == hash else { throw SnapshotError("is damaged (its payload hash differs)") }
        try self.init(configuration: configuration, resuming: try progress.get(), indexes: try indexes.get())
    }

    private init(configuration: RuleConfiguration, resuming progress: RuleChecker.Progress, indexes: Indexes) throws {
        guard indexes.catalog.count == progress.state.events else {
            throw SnapshotError(
                "holds a catalogue of \(indexes.catalog.count) records for \(progress.state.events) events"
            )
        }
        checker = RuleChecker(configuration: configuration, resuming: progress)
        catalog = indexes.catalog
        timelines = indexes.timelines
        histories = indexes.histories
        parties = indexes.parties
        text = indexes.text
    }

    /// Everything but the rule checker: what the snapshot's second section holds.
    private struct Indexes: Sendable {
        let catalog: RecordCatalog
        let timelines: [String: [UInt64]]
        let histories: [String: GroupHistory]
        let parties: PartyIndex
        let text: TextIndex

        init(of builder: InspectionBuilder) {
            catalog = builder.catalog
            timelines = builder.timelines
            histories = builder.histories
            parties = builder.parties
            text = builder.text
        }

        func write(to sink: ByteSink) throws {
            sink.put(UInt64(catalog.symbols.strings.count))
            for string in catalog.symbols.strings { sink.put(string) }
            sink.put(catalog.records.map(\.type))
            sink.put(catalog.records.map(\.timeMillis))
            sink.put(catalog.records.map(\.appendedAtMillis))
            sink.put(catalog.records.map(\.actor))
            sink.put(catalog.records.map(\.group))
            sink.put(catalog.records.map { UInt8($0.wasReadWithContent ? 1 : 0) })
            sink.put(timelines)
            sink.put(UInt64(histories.count))
            for (group, history) in histories {
                sink.putShared(group)
                try history.write(to: sink)
            }
            sink.put(parties.seqs)
            sink.put(text.envelope.sealed().bytes)
            sink.put(text.content.sealed().bytes)
        }

        init(reading source: ByteSource) throws {
            let symbolCount = try source.takeCount(minimumWidth: 4)
            var strings: [String] = []
            strings.reserveCapacity(symbolCount)
            for _ in 0..<symbolCount { strings.append(try source.takeString()) }
            let symbols = SymbolTable(strings: strings)
            guard Set(strings).count == strings.count else { throw SnapshotError("holds a string twice") }
            let types = try source.takeArray(UInt32.self)
            let times = try source.takeArray(Int64.self)
            let appended = try source.takeArray(Int64.self)
            let actors = try source.takeArray(UInt32.self)
            let groups = try source.takeArray(UInt32.self)
            let withContent = try source.takeArray(UInt8.self)
            let count = types.count
            guard
                [times.count, appended.count, actors.count, groups.count, withContent.count].allSatisfy({ $0 == count })
            else { throw SnapshotError("holds record columns of different lengths") }
            let limit = UInt32(symbolCount)
            guard types.allSatisfy({ $0 < limit }), actors.allSatisfy({ $0 < limit }),
                groups.allSatisfy({ $0 < limit || $0 == IndexedRecord.noGroup })
            else { throw SnapshotError("names a string it does not hold") }
            let records = (0..<count).map { position in
                IndexedRecord(
                    type: types[position],
                    timeMillis: times[position],
                    appendedAtMillis: appended[position],
                    actor: actors[position],
                    group: groups[position],
                    wasReadWithContent: withContent[position] != 0
                )
            }
            let size = UInt64(count)
            catalog = RecordCatalog(records: records, symbols: symbols)
            timelines = try source.takeIndex()
            let historyCount = try source.takeCount(minimumWidth: 4)
            var histories: [String: GroupHistory] = [:]
            histories.reserveCapacity(historyCount)
            for _ in 0..<historyCount {
                let group = try source.takeShared()
                let history = try GroupHistory(reading: source, size: size)
                guard histories.updateValue(history, forKey: group) == nil else {
                    throw SnapshotError("holds the history of \(group) twice")
                }
            }
            self.histories = histories
            parties = PartyIndex(seqs: try source.takeIndex())
            text = TextIndex(
                envelope: try PostingTable(validating: try source.takeArray(UInt8.self), size: size),
                content: try PostingTable(validating: try source.takeArray(UInt8.self), size: size)
            )
            guard source.isAtEnd else { throw SnapshotError("goes on after its last index") }
            let cited = [timelines, parties.seqs].flatMap { $0.values.compactMap(\.last) }
            guard cited.allSatisfy({ $0 < size }) else { throw SnapshotError("cites records past its size") }
        }
    }
}

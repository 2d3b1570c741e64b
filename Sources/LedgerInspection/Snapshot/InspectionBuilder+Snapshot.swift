import GroupDomain

extension InspectionBuilder {
    /// Writes everything applied so far: the rule checker's progress, then each index.
    func write(to sink: ByteSink) throws {
        try sink.write(checker.progress)
        try sink.write(catalog.symbols.strings)
        sink.put(catalog.records.map(\.type))
        sink.put(catalog.records.map(\.timeMillis))
        sink.put(catalog.records.map(\.appendedAtMillis))
        sink.put(catalog.records.map(\.actor))
        sink.put(catalog.records.map(\.group))
        sink.put(catalog.records.map { UInt8($0.wasReadWithContent ? 1 : 0) })
        sink.put(timelines)
        try sink.write(histories)
        sink.put(parties.seqs)
        sink.put(text.envelope)
        sink.put(text.content)
    }

    /// Reads what ``write(to:)`` wrote, judging findings under `configuration` from there on.
    init(configuration: RuleConfiguration, reading source: ByteSource) throws {
        let progress = try source.read(RuleChecker.Progress.self)
        let symbols = SymbolTable(strings: try source.read([String].self))
        let types = try source.takeArray(UInt32.self)
        let times = try source.takeArray(Int64.self)
        let appended = try source.takeArray(Int64.self)
        let actors = try source.takeArray(UInt32.self)
        let groups = try source.takeArray(UInt32.self)
        let withContent = try source.takeArray(UInt8.self)
        let count = types.count
        guard [times.count, appended.count, actors.count, groups.count, withContent.count].allSatisfy({ $0 == count }),
            count == progress.state.events
        else { throw SnapshotError("holds record columns of different lengths") }
        let symbolCount = UInt32(symbols.strings.count)
        guard types.allSatisfy({ $0 < symbolCount }), actors.allSatisfy({ $0 < symbolCount }),
            groups.allSatisfy({ $0 < symbolCount || $0 == IndexedRecord.noGroup })
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
        checker = RuleChecker(configuration: configuration, resuming: progress)
        catalog = RecordCatalog(records: records, symbols: symbols)
        timelines = try source.takeIndex()
        histories = try source.read([String: GroupHistory].self)
        parties = PartyIndex(seqs: try source.takeIndex())
        text = TextIndex(envelope: try source.takeIndex(), content: try source.takeIndex())
        guard source.isAtEnd else { throw SnapshotError("goes on after its last index") }
        let cited = [timelines, parties.seqs, text.envelope, text.content].flatMap { $0.values.compactMap(\.last) }
        guard cited.allSatisfy({ $0 < UInt64(count) }) else { throw SnapshotError("cites records past its size") }
    }
}

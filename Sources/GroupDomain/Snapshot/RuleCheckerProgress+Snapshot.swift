extension RuleChecker.Progress {
    /// Writes the progress for a snapshot: the parts that grow with every record (the groups' members, the first
    /// action of each account, each post's record) in their own layout, the rest through `Codable`.
    package func write(to sink: ByteSink) throws {
        try state.write(to: sink)
        try sink.write(governance)
        try accounts.write(to: sink)
        try sink.write(posts)
        try directives.write(to: sink)
        try sink.write(candidates)
        sink.put(latest)
        sink.put(latestRecordKeeping)
    }

    /// Reads what ``write(to:)`` wrote.
    package init(reading source: ByteSource) throws {
        state = try ProvinceState(reading: source)
        governance = try source.read(GovernanceWatch.self)
        accounts = try AccountWatch(reading: source)
        posts = try source.read(PostWatch.self)
        directives = try DirectiveWatch(reading: source)
        candidates = try source.read(CandidateWatch.self)
        latest = try source.take(Int64.self)
        latestRecordKeeping = try source.take(Int64.self)
    }
}

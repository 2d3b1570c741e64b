extension Membership {
    /// Writes the membership in a snapshot's own layout: its mark, then who added it and how (shared strings).
    package func write(to sink: ByteSink) {
        sink.put(since)
        sink.putShared(optional: addedBy)
        sink.putShared(optional: via)
    }

    /// Reads what ``write(to:)`` wrote.
    package init(reading source: ByteSource) throws(SnapshotError) {
        self.init(
            since: try source.takeMark(),
            addedBy: try source.takeSharedOptional(),
            via: try source.takeSharedOptional()
        )
    }
}

extension LedgerError {
    /// Where in the ledger's files an error is: the file (its path relative to the ledger root), the byte offset
    /// in it and the sequence number of the record, each when the reporter knows it.
    public struct Location: Sendable, Hashable {
        public var file: String?
        public var offset: UInt64?
        public var seq: UInt64?

        public init(file: String? = nil, offset: UInt64? = nil, seq: UInt64? = nil) {
            self.file = file
            self.offset = offset
            self.seq = seq
        }

        /// In `file` at byte `offset` (an `Int`, as scanners count).
        public init(file: String, offset: Int, seq: UInt64? = nil) {
            self.init(file: file, offset: UInt64(offset), seq: seq)
        }
    }
}

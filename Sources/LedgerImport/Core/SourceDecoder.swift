/// Turns a stream of source bytes into ``ImportOutcome``s, one per unit (line, array element or CSV row), holding
/// at most one unit in memory (the roster, which needs all rows to resolve who assigned an admin, holds its rows).
///
/// Feed the input in chunks of any size with ``consume(_:)``, then call ``finish()`` once. A unit that is cut
/// between two chunks comes out of the call that completes it. Nothing here reads files: the caller does the I/O.
///
/// A decoder implements either ``consume(_:)`` and ``finish()`` or their `reducing:` forms; the others come from
/// the defaults, each pair in terms of the other. The packed forms default to packing the outcomes on the calling
/// thread; a decoder that maps units on several threads packs them there.
public protocol SourceDecoder {
    /// Reads the next chunk of input and returns what the units it completed became, in input order.
    mutating func consume(_ chunk: UnsafeRawBufferPointer) -> [ImportOutcome]
    /// Ends the input: returns what the last unit (a line without its final newline) became, and anything held
    /// until the end.
    mutating func finish() -> [ImportOutcome]
    /// ``consume(_:)`` with each outcome passed through `reduce` on the thread that made it, so that a caller that
    /// keeps only part of an outcome (an import keeps the canonical bytes) frees the rest where it was allocated.
    mutating func consume<Reduced: Sendable>(
        _ chunk: UnsafeRawBufferPointer,
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced]
    /// ``finish()`` with each outcome passed through `reduce`; see ``consume(_:reducing:)``.
    mutating func finish<Reduced: Sendable>(reducing reduce: @Sendable (ImportOutcome) -> Reduced) -> [Reduced]
    /// ``consume(_:)`` with the events packed (on the threads that decoded them): one ``PackedOutcomes`` per run of
    /// units, in input order.
    mutating func consumePacked(_ chunk: UnsafeRawBufferPointer) -> [PackedOutcomes]
    /// ``finish()`` with the events packed; see ``consumePacked(_:)``.
    mutating func finishPacked() -> [PackedOutcomes]
}

extension SourceDecoder {
    public mutating func consume(_ chunk: UnsafeRawBufferPointer) -> [ImportOutcome] {
        consume(chunk) { $0 }
    }

    public mutating func finish() -> [ImportOutcome] {
        finish { $0 }
    }

    public mutating func consume<Reduced: Sendable>(
        _ chunk: UnsafeRawBufferPointer,
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        consume(chunk).map(reduce)
    }

    public mutating func finish<Reduced: Sendable>(
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        finish().map(reduce)
    }

    public mutating func consumePacked(_ chunk: UnsafeRawBufferPointer) -> [PackedOutcomes] {
        [PackedOutcomes(consume(chunk))]
    }

    public mutating func finishPacked() -> [PackedOutcomes] {
        [PackedOutcomes(finish())]
    }
}

extension SourceDecoder {
    /// Feeds `bytes` as one chunk and ends the input; for tests and small inputs.
    public mutating func decodeAll(_ bytes: [UInt8]) -> [ImportOutcome] {
        var outcomes = bytes.withUnsafeBytes { consume($0) }
        outcomes += finish()
        return outcomes
    }
}

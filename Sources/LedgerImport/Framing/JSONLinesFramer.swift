#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts JSON Lines input into lines, incrementally and within a bound: a line longer than the limit is reported
/// once and skipped up to its newline without being held in memory.
///
/// Lines end at `\n`; a `\r` before it is dropped. Lines holding only spaces, tabs and `\r` are skipped (as
/// `append` does). A last line without `\n` counts.
struct JSONLinesFramer {
    let name: String
    let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var lineNumber = 1
    private var lineStart = 0
    private var position = 0
    private var discarding = false

    init(name: String, maxLineBytes: Int) {
        self.name = name
        self.maxLineBytes = maxLineBytes
    }

    /// A line completed by a chunk, as ``feedLines(_:)`` gives it.
    enum Line {
        /// A line that lies whole in the chunk: its bytes are `chunk[range]` (without the `\r` before its `\n`),
        /// its place ``InChunk/location(in:)`` (left as numbers: most lines never need their location, and a location
        /// holds the input's name, which every line would retain and release).
        case inChunk(Range<Int>, InChunk)
        /// A line that began in an earlier chunk, its bytes gathered here.
        case gathered(FramedUnit)
        /// A line longer than the limit, reported at its first byte.
        case tooLong(ImportError)

        /// Where a line that lies whole in its chunk is in the input.
        struct InChunk {
            let number: Int
            let byteOffset: Int

            /// The line's location in the input called `name` (the framer's ``JSONLinesFramer/name``).
            func location(in name: String) -> SourceLocation {
                SourceLocation(name: name, unit: .line, number: number, byteOffset: byteOffset)
            }
        }
    }

    /// The units completed by `chunk`; an over-long line is an error at its first byte.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Result<FramedUnit, ImportError>] {
        feedLines(chunk).map { line in
            switch line {
            case .inChunk(let range, let place):
                let bytes = Array(UnsafeRawBufferPointer(rebasing: chunk[range]))
                return .success(FramedUnit(location: place.location(in: name), bytes: bytes))
            case .gathered(let unit): return .success(unit)
            case .tooLong(let error): return .failure(error)
            }
        }
    }

    /// The lines completed by `chunk`, those that lie whole in it left there rather than copied: for a caller that
    /// reads them before the chunk's memory goes (a bulk ingest, which copies only what it keeps).
    mutating func feedLines(_ chunk: UnsafeRawBufferPointer) -> [Line] {
        var out: [Line] = []
        var start = 0
        while start < chunk.count {
            let newline = JSONLinesFramer.newline(in: UnsafeRawBufferPointer(rebasing: chunk[start...]))
            let end = newline.map { start + $0 } ?? chunk.count
            if let newline, pending.isEmpty, !discarding, newline <= maxLineBytes {
                // The common case: a whole line in this chunk, left where it is.
                var last = end
                if last > start, chunk[last - 1] == 0x0d { last -= 1 }
                if !UnsafeRawBufferPointer(rebasing: chunk[start..<last]).allSatisfy(JSONLinesFramer.isBlank) {
                    out.append(.inChunk(start..<last, Line.InChunk(number: lineNumber, byteOffset: lineStart)))
                }
                position += newline + 1
                lineNumber += 1
                lineStart = position
                start = end + 1
                continue
            }
            if !discarding {
                if pending.count + (end - start) > maxLineBytes {
                    out.append(.tooLong(tooLong()))
                    pending.removeAll(keepingCapacity: false)
                    discarding = true
                } else {
                    pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                }
            }
            position += end - start
            guard newline != nil else { break }
            position += 1
            endLine(into: &out)
            start = end + 1
        }
        return out
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0d }

    /// The offset of the first `\n` in `bytes` (`memchr`, which reads a word or a vector at a time).
    private static func newline(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, 0x0a, bytes.count) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    /// The last line, when the input does not end with a newline.
    mutating func finish() -> [Result<FramedUnit, ImportError>] {
        var out: [Line] = []
        if !pending.isEmpty || discarding { endLine(into: &out) }
        return out.compactMap { line in
            switch line {
            case .gathered(let unit): .success(unit)
            case .tooLong(let error): .failure(error)
            case .inChunk: nil  // only feedLines leaves lines in a chunk
            }
        }
    }

    private mutating func endLine(into out: inout [Line]) {
        if !discarding {
            if pending.last == 0x0d { pending.removeLast() }
            if !pending.allSatisfy(JSONLinesFramer.isBlank) {
                let location = SourceLocation(name: name, unit: .line, number: lineNumber, byteOffset: lineStart)
                out.append(.gathered(FramedUnit(location: location, bytes: pending)))
            }
        }
        pending = []
        discarding = false
        lineNumber += 1
        lineStart = position
    }

    private func tooLong() -> ImportError {
        ImportError(
            SourceLocation(name: name, unit: .line, number: lineNumber, byteOffset: lineStart),
            "the line is longer than \(maxLineBytes) bytes; it was skipped without being read into memory"
        )
    }
}

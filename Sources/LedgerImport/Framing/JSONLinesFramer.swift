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

    /// The units completed by `chunk`; an over-long line is an error at its first byte.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Result<FramedUnit, ImportError>] {
        var out: [Result<FramedUnit, ImportError>] = []
        var start = 0
        while start < chunk.count {
            let newline = JSONLinesFramer.newline(in: UnsafeRawBufferPointer(rebasing: chunk[start...]))
            let end = newline.map { start + $0 } ?? chunk.count
            if !discarding {
                if pending.count + (end - start) > maxLineBytes {
                    out.append(.failure(tooLong()))
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

    /// The offset of the first `\n` in `bytes` (`memchr`, which reads a word or a vector at a time).
    private static func newline(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, 0x0a, bytes.count) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    /// The last line, when the input does not end with a newline.
    mutating func finish() -> [Result<FramedUnit, ImportError>] {
        var out: [Result<FramedUnit, ImportError>] = []
        if !pending.isEmpty || discarding { endLine(into: &out) }
        return out
    }

    private mutating func endLine(into out: inout [Result<FramedUnit, ImportError>]) {
        if !discarding {
            if pending.last == 0x0d { pending.removeLast() }
            if !pending.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) {
                let location = SourceLocation(name: name, unit: .line, number: lineNumber, byteOffset: lineStart)
                out.append(.success(FramedUnit(location: location, bytes: pending)))
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

public import LedgerCore
import SystemPackage

/// Reads newline-separated input from a file or standard input in fixed chunks, so that a hostile 100 MB line
/// costs no more memory than the limit: a line longer than `maxLineBytes` is reported, not buffered.
public struct LineReader {
    /// One line, without its `\n`.
    public struct Line {
        /// 1-based.
        public let number: Int
        /// Offset of the line's first byte in the input.
        public let byteOffset: Int
        public let bytes: [UInt8]
    }

    private let file: LedgerFile
    private let closeWhenDone: Bool
    /// The input's name in messages: the path as given, or `stdin`.
    public let name: String
    public let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var consumed = 0
    private var lineNumber = 0
    private var atEnd = false

    /// Opens `path`, or standard input for `-`.
    public init(path: String, maxLineBytes: Int = EnvelopeRules.maxLineBytes) throws(LedgerError) {
        if path == "-" {
            file = LedgerFile(descriptor: .standardInput, name: "stdin")
            closeWhenDone = false
            name = "stdin"
        } else {
            file = try LedgerFile.open(path, name: path, .readOnly, followLinks: true)
            closeWhenDone = true
            name = path
        }
        self.maxLineBytes = maxLineBytes
    }

    public func close() { if closeWhenDone { file.close() } }

    /// The next line, or `nil` at the end of input. A final line without `\n` is returned too.
    ///
    /// - Throws: `.badInput` for a line over the limit (naming its number and offset), `.io` for a read error.
    public mutating func next() throws(LedgerError) -> Line? {
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: UInt8(ascii: "\n")) {
                return try take(upTo: newline, skip: 1)
            }
            if buffer.count - bufferStart > maxLineBytes {
                throw LedgerError(
                    .badInput,
                    "\(name) line \(lineNumber + 1) (byte \(consumed)): the line is longer "
                        + "than \(maxLineBytes) bytes"
                )
            }
            if atEnd {
                return bufferStart < buffer.count ? try take(upTo: buffer.count, skip: 0) : nil
            }
            try fill()
        }
    }

    private mutating func take(upTo end: Int, skip: Int) throws(LedgerError) -> Line {
        let length = end - bufferStart
        guard length <= maxLineBytes else {
            throw LedgerError(
                .badInput,
                "\(name) line \(lineNumber + 1) (byte \(consumed)): the line is longer "
                    + "than \(maxLineBytes) bytes"
            )
        }
        lineNumber += 1
        let line = Line(number: lineNumber, byteOffset: consumed, bytes: Array(buffer[bufferStart..<end]))
        consumed += length + skip
        bufferStart = end + skip
        return line
    }

    private mutating func fill() throws(LedgerError) {
        if bufferStart > 0 {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        let chunk = try readChunk(1 << 20)
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }

    private func readChunk(_ count: Int) throws(LedgerError) -> [UInt8] {
        guard count > 0 else { return [] }  // see JSONParserEngine.closeArray: no zero-capacity initializer
        var failure: LedgerError?
        let out = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
            initialized = 0
            while true {
                do {
                    initialized = try file.descriptor.read(into: UnsafeMutableRawBufferPointer(raw))
                    return
                } catch Errno.interrupted {
                    continue
                } catch {
                    failure = LedgerError(.io, "cannot read \(name)", cause: "\(error)")
                    return
                }
            }
        }
        if let failure { throw failure }
        return out
    }
}

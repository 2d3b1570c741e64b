/// Cuts a document that is one top-level JSON array into its elements, incrementally and within bounds, so that
/// each element can be parsed (and rejected) on its own, with its index and byte offset.
///
/// The framer checks only the array's punctuation and tracks strings and nesting inside elements; the element
/// parser checks everything else. An element longer than the byte limit, or nested deeper than the depth limit,
/// is reported once and skipped without being held in memory. Punctuation errors between elements (`[1 2]`, a
/// missing `[`, data after `]`) end the input: nothing after them can be trusted to be cut right.
struct JSONArrayFramer {
    private enum State {
        /// Before `[`.
        case start
        /// After `[` or `,`: whitespace, then an element (or `]` right after `[`).
        case beforeElement(first: Bool)
        /// Inside an element.
        case element
        /// After an element: whitespace, then `,` or `]`.
        case afterElement
        /// After `]`: only whitespace.
        case done
        /// A punctuation error was reported; the rest is ignored.
        case failed
    }

    let name: String
    let maxElementBytes: Int
    let maxDepth: Int
    private var state = State.start
    private var position = 0
    private var index = 0
    private var elementStart = 0
    private var pending: [UInt8] = []
    private var discarding = false
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var kind = ElementKind.container

    private enum ElementKind {
        /// An object or array: it ends where its nesting returns to zero.
        case container
        /// A string: it ends at its closing quote.
        case string
        /// A number or literal: it ends before whitespace, `,` or `]`.
        case bare
    }

    init(name: String, maxElementBytes: Int, maxDepth: Int) {
        self.name = name
        self.maxElementBytes = maxElementBytes
        self.maxDepth = maxDepth
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Result<FramedUnit, ImportError>] {
        var out: [Result<FramedUnit, ImportError>] = []
        var i = 0
        while i < chunk.count {
            let byte = chunk[i]
            switch state {
            case .failed:
                position += chunk.count - i
                return out
            case .start:
                if isSpace(byte) { break }
                if position == 0 && byte == 0xef {
                    fail("the input starts with a UTF-8 byte order mark; save it without BOM", into: &out)
                } else if byte != UInt8(ascii: "[") {
                    fail("a Zalo Web message store must be one JSON array, starting with \"[\"", into: &out)
                } else {
                    state = .beforeElement(first: true)
                }
            case .beforeElement(let first):
                if isSpace(byte) { break }
                if byte == UInt8(ascii: "]") {
                    if first {
                        state = .done
                    } else {
                        fail("\"]\" after \",\": an element is missing", into: &out)
                    }
                    break
                }
                if byte == UInt8(ascii: ",") {
                    fail("\",\" where an element should start", into: &out)
                    break
                }
                startElement(with: byte)
                let consumed = scanElement(chunk, from: i, into: &out)
                i += consumed
                position += consumed
                continue
            case .element:
                let consumed = scanElement(chunk, from: i, into: &out)
                i += consumed
                position += consumed
                continue
            case .afterElement:
                if isSpace(byte) { break }
                if byte == UInt8(ascii: ",") {
                    state = .beforeElement(first: false)
                } else if byte == UInt8(ascii: "]") {
                    state = .done
                } else {
                    fail("expected \",\" or \"]\" after element \(index - 1)", into: &out)
                }
            case .done:
                if !isSpace(byte) { fail("data after the closing \"]\"", into: &out) }
            }
            i += 1
            position += 1
        }
        return out
    }

    mutating func finish() -> [Result<FramedUnit, ImportError>] {
        var out: [Result<FramedUnit, ImportError>] = []
        switch state {
        case .done, .failed:
            break
        case .element:
            if kind == .bare && !discarding { endElement(into: &out) }
            fail("the input ends before the array's closing \"]\"", into: &out)
        default:
            fail("the input ends before the array's closing \"]\"", into: &out)
        }
        return out
    }

    private mutating func startElement(with byte: UInt8) {
        state = .element
        elementStart = position
        pending = []
        discarding = false
        depth = 0
        inString = false
        escaped = false
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["): kind = .container
        case UInt8(ascii: "\""): kind = .string
        default: kind = .bare
        }
    }

    /// Scans element bytes from `start`; returns how many bytes belong to the element (the byte that ends a bare
    /// number or literal is left for the caller).
    private mutating func scanElement(
        _ chunk: UnsafeRawBufferPointer,
        from start: Int,
        into out: inout [Result<FramedUnit, ImportError>]
    ) -> Int {
        var i = start
        var ended = false
        scan: while i < chunk.count {
            let byte = chunk[i]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if kind == .string {
                        i += 1
                        ended = true
                        break scan
                    }
                }
            } else {
                switch kind {
                case .bare:
                    if isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") {
                        ended = true
                        break scan
                    }
                case .string:
                    if byte == UInt8(ascii: "\"") { inString = true }
                case .container:
                    if byte == UInt8(ascii: "\"") {
                        inString = true
                    } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                        depth += 1
                        if depth > maxDepth && !discarding {
                            reject("nesting deeper than \(maxDepth) levels", into: &out)
                        }
                    } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            ended = true
                            break scan
                        }
                    }
                }
            }
            i += 1
        }
        if !discarding {
            if pending.count + (i - start) > maxElementBytes {
                reject("the element is longer than \(maxElementBytes) bytes", into: &out)
            } else {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<i]))
            }
        }
        if ended { endElement(into: &out) }
        return i - start
    }

    private mutating func endElement(into out: inout [Result<FramedUnit, ImportError>]) {
        if !discarding {
            out.append(.success(FramedUnit(location: location, bytes: pending)))
        }
        pending = []
        discarding = false
        index += 1
        state = .afterElement
    }

    private mutating func reject(_ reason: String, into out: inout [Result<FramedUnit, ImportError>]) {
        out.append(.failure(ImportError(location, reason + "; it was skipped without being read into memory")))
        pending = []
        discarding = true
    }

    private mutating func fail(_ reason: String, into out: inout [Result<FramedUnit, ImportError>]) {
        let here = SourceLocation(name: name, unit: .element, number: index, byteOffset: position)
        out.append(.failure(ImportError(here, reason + "; nothing after this point was read")))
        state = .failed
    }

    private var location: SourceLocation {
        SourceLocation(name: name, unit: .element, number: index, byteOffset: elementStart)
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 }
}

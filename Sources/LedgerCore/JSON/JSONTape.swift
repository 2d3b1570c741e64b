/// A flat index of one JSON text, built into a fixed buffer without allocating, for hot paths that read a few
/// members of many small documents (an importer's most common line).
///
/// It indexes a subset of what ``JSONParser`` accepts, and declines the rest: every text it indexes, the parser
/// accepts under the same ``JSONLimits`` and reads as the same values. A caller that gets `nil` parses with
/// ``JSONParser``, which gives the value or the precise error. Beyond what the parser refuses, it declines a byte
/// order mark, keys with escapes, objects of more than ``maxMembers`` members, numbers with a fraction or an
/// exponent, nesting deeper than ``maxDepth``, and texts of more values than its buffer holds or of 2 GiB or more.
///
/// Each value is one ``Entry``; an object's entry is followed by its members, each a key entry then the value's
/// entries, and an array's by its elements. ``Entry/next`` skips a value's entries.
package struct JSONTape {
    /// What a value is.
    package enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null
    }

    /// One value (or key).
    package struct Entry {
        package var kind: Kind
        /// Whether a string has escapes (read it with ``decodeString(_:into:)``).
        package var isEscaped: Bool
        /// A string's first byte after its opening quote; a number's first byte; a container's bracket.
        package var start: Int32
        /// A string's closing quote; the byte after a number.
        package var end: Int32
        /// The index of the entry after this value and everything inside it.
        package var next: Int32
    }

    /// The deepest nesting indexed (the parser's own limit applies too).
    package static let maxDepth = 64
    /// The most members an object may have to be indexed (duplicate keys are checked pairwise).
    package static let maxMembers = 64
    /// The most entries one text may have to be indexed.
    package static let maxEntries = 1024

    package let bytes: UnsafeRawBufferPointer
    private let entries: UnsafeMutableBufferPointer<Entry>

    /// Indexes `bytes` and passes the tape to `body`, or `nil` when the text is not one the tape indexes (either
    /// the parser refuses it or it is outside the subset above). The tape is valid only inside `body`.
    package static func index<Result>(
        _ bytes: UnsafeRawBufferPointer,
        limits: JSONLimits,
        _ body: (JSONTape?) -> Result
    ) -> Result {
        // Entries hold offsets as 32-bit integers: a longer text is declined.
        guard bytes.count <= Int(Int32.max) else { return body(nil) }
        let capacity = min(bytes.count + 1, maxEntries)
        return withUnsafeTemporaryAllocation(of: Entry.self, capacity: capacity) { buffer in
            var scanner = Scanner(bytes: bytes, entries: buffer, limits: limits)
            guard let count = scanner.scanDocument() else { return body(nil) }
            return body(JSONTape(bytes: bytes, entries: UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
        }
    }

    /// The entry of the value at `index` (the whole text is at 0).
    package subscript(index: Int) -> Entry { entries[index] }

    /// The value of member `key` of the object at `object`, or `nil` when it has none (or is not an object).
    package func member(_ key: StaticString, of object: Int) -> Int? {
        guard entries[object].kind == .object else { return nil }
        let wanted = UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        var keyIndex = object + 1
        let end = Int(entries[object].next)
        while keyIndex < end {
            if JSONTape.equal(raw(keyIndex), wanted) { return keyIndex + 1 }
            keyIndex = Int(entries[keyIndex + 1].next)
        }
        return nil
    }

    /// The key entries of the object at `object`, in order (each member's value is the entry after its key).
    package func keys(of object: Int) -> some Sequence<Int> {
        let end = Int(entries[object].next)
        return sequence(first: object + 1) { Int(entries[$0 + 1].next) }.prefix { $0 < end }
    }

    /// The bytes of a string between its quotes, escapes as written; a number's text.
    package func raw(_ index: Int) -> UnsafeRawBufferPointer {
        let entry = entries[index]
        return UnsafeRawBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
    }

    /// Whether the value at `index` is a string without escapes whose bytes are `text`.
    package func isString(_ index: Int, equalTo text: StaticString) -> Bool {
        entries[index].kind == .string && !entries[index].isEscaped
            && JSONTape.equal(raw(index), UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether `a` and `b` hold the same bytes.
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Appends the UTF-8 bytes of the string at `index`, escapes decoded.
    package func decodeString(_ index: Int, into out: inout [UInt8]) {
        let text = raw(index)
        guard entries[index].isEscaped else {
            out.append(contentsOf: text)
            return
        }
        var i = 0
        while i < text.count {
            let c = text[i]
            guard c == JSONByte.backslash else {
                out.append(c)
                i += 1
                continue
            }
            switch text[i + 1] {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(JSONByte.newline)
            case UInt8(ascii: "r"): out.append(JSONByte.carriageReturn)
            case UInt8(ascii: "t"): out.append(JSONByte.tab)
            case UInt8(ascii: "u"):
                var scalar = JSONTape.hex4(text, at: i + 2)!
                i += 6
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (JSONTape.hex4(text, at: i + 2)! - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
                continue
            case let escaped: out.append(escaped)
            }
            i += 2
        }
    }

    /// The value of four hex digits at `i`, or `nil`.
    static func hex4(_ bytes: UnsafeRawBufferPointer, at i: Int) -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for k in i..<i + 4 {
            guard let digit = Hex.value(ofDigit: bytes[k]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

extension JSONTape {
    /// Builds the entries; every check the parser makes is made here too, with `nil` in place of its error.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        let entries: UnsafeMutableBufferPointer<Entry>
        let limits: JSONLimits
        var count = 0
        var pos = 0

        init(bytes: UnsafeRawBufferPointer, entries: UnsafeMutableBufferPointer<Entry>, limits: JSONLimits) {
            self.bytes = bytes
            self.entries = entries
            self.limits = limits
        }

        /// The number of entries, or `nil` when the text is declined.
        mutating func scanDocument() -> Int? {
            let depthLimit = max(0, min(limits.maxDepth, JSONTape.maxDepth))
            // Open containers, on the stack: their entry, and for objects how many members they have so far and a
            // bit for each of their keys' hashes (an array here was a heap allocation for every line).
            return withUnsafeTemporaryAllocation(of: OpenObject.self, capacity: depthLimit) { open in
                scanDocument(open: open, depthLimit: depthLimit)
            }
        }

        /// ``scanDocument()`` with `open` holding up to `depthLimit` open containers, the innermost last.
        private mutating func scanDocument(open: UnsafeMutableBufferPointer<OpenObject>, depthLimit: Int) -> Int? {
            var depth = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return nil }
            skipWhitespace()
            while true {
                guard pos < bytes.count, count < entries.count else { return nil }
                let c = bytes[pos]
                switch c {
                case JSONByte.openBrace, JSONByte.openBracket:
                    guard depth < depthLimit else { return nil }
                    let isObject = c == JSONByte.openBrace
                    add(isObject ? .object : .array, start: pos, end: pos)
                    (open.baseAddress! + depth).initialize(to: OpenObject(entry: count - 1))
                    depth += 1
                    pos += 1
                    skipWhitespace()
                    let close = isObject ? JSONByte.closeBrace : JSONByte.closeBracket
                    if pos < bytes.count && bytes[pos] == close {
                        pos += 1
                        depth -= 1
                        entries[open[depth].entry].next = Int32(count)
                    } else {
                        if isObject {
                            guard key(in: &open[depth - 1]) else { return nil }
                        }
                        continue
                    }
                case JSONByte.quote:
                    guard string() else { return nil }
                case JSONByte.minus, JSONByte.zero...JSONByte.nine:
                    guard number() else { return nil }
                case UInt8(ascii: "t"):
                    guard literal("true", .true) else { return nil }
                case UInt8(ascii: "f"):
                    guard literal("false", .false) else { return nil }
                case UInt8(ascii: "n"):
                    guard literal("null", .null) else { return nil }
                default:
                    return nil
                }
                // A value ended: close the containers that end here, then expect the next value.
                while true {
                    skipWhitespace()
                    guard depth > 0 else { return pos == bytes.count ? count : nil }
                    let top = open[depth - 1]
                    guard pos < bytes.count else { return nil }
                    let isObject = entries[top.entry].kind == .object
                    let c = bytes[pos]
                    pos += 1
                    if c == JSONByte.comma {
                        skipWhitespace()
                        if isObject {
                            guard key(in: &open[depth - 1]) else { return nil }
                        }
                        break
                    }
                    guard c == (isObject ? JSONByte.closeBrace : JSONByte.closeBracket) else { return nil }
                    depth -= 1
                    entries[open[depth].entry].next = Int32(count)
                }
            }
        }

        mutating func add(_ kind: Kind, start: Int, end: Int, isEscaped: Bool = false) {
            entries[count] = Entry(
                kind: kind,
                isEscaped: isEscaped,
                start: Int32(start),
                end: Int32(end),
                next: Int32(count + 1)
            )
            count += 1
        }

        mutating func skipWhitespace() {
            while pos < bytes.count {
                switch bytes[pos] {
                case JSONByte.space, JSONByte.newline, JSONByte.tab, JSONByte.carriageReturn: pos += 1
                default: return
                }
            }
        }

        /// An open array or object.
        /// 16 bytes, so that the deepest stack the tape indexes (``JSONTape/maxDepth``) is 1 KiB, which
        /// `withUnsafeTemporaryAllocation` keeps on the stack.
        struct OpenObject {
            private let entryIndex: Int32
            private var memberCount: Int32 = 0
            /// Bit `hash % 64` is set for each key's hash: keys are compared only when their bits collide.
            var keyHashes: UInt64 = 0

            /// An entry index is below ``JSONTape/maxEntries``, a member count at most ``JSONTape/maxMembers``.
            init(entry: Int) { entryIndex = Int32(entry) }
            var entry: Int { Int(entryIndex) }
            var members: Int {
                get { Int(memberCount) }
                set { memberCount = Int32(newValue) }
            }
        }

        /// Reads a member's key (without escapes, unlike any before it in the object) and its colon.
        mutating func key(in object: inout OpenObject) -> Bool {
            guard object.members < JSONTape.maxMembers, pos < bytes.count, bytes[pos] == JSONByte.quote,
                count < entries.count, string(), !entries[count - 1].isEscaped
            else { return false }
            let new = count - 1
            let tape = JSONTape(bytes: bytes, entries: entries)
            let key = tape.raw(new)
            let bit = UInt64(1) << ((key.count &* 7 &+ Int(key.first ?? 0) &* 3 &+ Int(key.last ?? 0)) & 63)
            if object.keyHashes & bit != 0 {
                var earlier = object.entry + 1
                for _ in 0..<object.members {
                    if JSONTape.equal(tape.raw(earlier), key) { return false }
                    earlier = Int(entries[earlier + 1].next)
                }
            }
            object.keyHashes |= bit
            object.members += 1
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == JSONByte.colon else { return false }
            pos += 1
            skipWhitespace()
            return true
        }

        /// Reads the string whose quote is at `pos`.
        mutating func string() -> Bool {
            let start = pos + 1
            var i = start
            var isEscaped = false
            while i < bytes.count {
                let c = bytes[i]
                if c == JSONByte.quote {
                    guard i - start <= limits.maxStringBytes else { return false }
                    add(.string, start: start, end: i, isEscaped: isEscaped)
                    pos = i + 1
                    return true
                } else if c == JSONByte.backslash {
                    guard let after = escapeEnd(at: i) else { return false }
                    isEscaped = true
                    i = after
                } else if c < 0x20 {
                    return false
                } else if c < 0x80 {
                    i += 1
                } else {
                    guard let after = utf8SequenceEnd(at: i) else { return false }
                    i = after
                }
            }
            return false
        }

        /// The index after the escape whose backslash is at `i`, or `nil` when it is not a valid one.
        func escapeEnd(at i: Int) -> Int? {
            guard i + 1 < bytes.count else { return nil }
            switch bytes[i + 1] {
            case JSONByte.quote, JSONByte.backslash, JSONByte.slash, UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return i + 2
            case UInt8(ascii: "u"):
                guard let unit = JSONTape.hex4(bytes, at: i + 2) else { return nil }
                if unit >= 0xDC00 && unit <= 0xDFFF { return nil }
                guard unit >= 0xD800 && unit <= 0xDBFF else { return i + 6 }
                guard i + 7 < bytes.count, bytes[i + 6] == JSONByte.backslash, bytes[i + 7] == UInt8(ascii: "u"),
                    let low = JSONTape.hex4(bytes, at: i + 8), low >= 0xDC00 && low <= 0xDFFF
                else { return nil }
                return i + 12
            default:
                return nil
            }
        }

        /// The index after the well-formed UTF-8 sequence (Unicode table 3-7) whose lead byte is at `i`, or `nil`.
        func utf8SequenceEnd(at i: Int) -> Int? {
            let lead = bytes[i]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return nil
            }
            guard i + length <= bytes.count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return nil }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
            return i + length
        }

        /// Reads an integer (`-? (0 | [1-9][0-9]*)`) at `pos`; a fraction or exponent declines the text.
        mutating func number() -> Bool {
            let start = pos
            var i = pos
            if bytes[i] == JSONByte.minus { i += 1 }
            let digitsStart = i
            while i < bytes.count, bytes[i] >= JSONByte.zero, bytes[i] <= JSONByte.nine { i += 1 }
            let digits = i - digitsStart
            guard digits > 0, digits <= limits.maxNumberDigits, digits == 1 || bytes[digitsStart] != JSONByte.zero
            else { return false }
            if i < bytes.count {
                switch bytes[i] {
                case JSONByte.dot, JSONByte.lowerE, JSONByte.upperE: return false
                default: break
                }
            }
            add(.number, start: start, end: i)
            pos = i
            return true
        }

        mutating func literal(_ word: StaticString, _ kind: Kind) -> Bool {
            let length = word.utf8CodeUnitCount
            guard pos + length <= bytes.count,
                UnsafeRawBufferPointer(rebasing: bytes[pos..<pos + length]).elementsEqual(
                    UnsafeRawBufferPointer(start: word.utf8Start, count: length)
                )
            else { return false }
            add(kind, start: pos, end: pos + length)
            pos += length
            return true
        }
    }
}

/// The state of one ``JSONParser/parse(_:)-(UnsafeRawBufferPointer)`` call: a cursor over the input and an
/// explicit stack of open arrays and objects, so nesting never uses the call stack.
///
/// Elements of open arrays wait on the `elements` stack and members of open objects on the `members` stack until
/// their container closes; then they are moved, not copied, into the container's storage. A member is pushed as
/// soon as its key is read, with `null` standing in for its value until the value is finished. Each frame
/// remembers where its container starts on both stacks. Errors compute their path from the stacks only when
/// thrown.
struct JSONParserEngine: ~Copyable {
    /// One open array or object.
    struct Frame {
        let isObject: Bool
        /// Where this container's elements start on `elements` (for arrays) or `members` (for objects), and where
        /// the other stack stood when it opened.
        let elementStart: Int
        let memberStart: Int
        /// Key to member position, built once an object grows past `JSONObject.indexThreshold` members.
        var index: [JSONKey: Int]?
    }

    typealias Member = (key: String, value: JSONValue)

    let base: UnsafeRawPointer
    let end: Int
    let limits: JSONLimits
    var pos = 0
    var frames: [Frame] = []
    var elements: UnsafeMutablePointer<JSONValue>
    var elementCount = 0
    var elementCapacity = 16
    var members: UnsafeMutablePointer<Member>
    var memberCount = 0
    var memberCapacity = 16
    /// Decoded bytes of the current string when it has escapes.
    var scratch: [UInt8] = []

    init(base: UnsafeRawPointer, count: Int, limits: JSONLimits) {
        self.base = base
        self.end = count
        self.limits = limits
        elements = .allocate(capacity: elementCapacity)
        members = .allocate(capacity: memberCapacity)
    }

    deinit {
        elements.deinitialize(count: elementCount)
        elements.deallocate()
        members.deinitialize(count: memberCount)
        members.deallocate()
    }

    mutating func pushElement(_ value: consuming JSONValue) {
        if elementCount == elementCapacity {
            let grown = UnsafeMutablePointer<JSONValue>.allocate(capacity: elementCapacity * 2)
            grown.moveInitialize(from: elements, count: elementCount)
            elements.deallocate()
            elements = grown
            elementCapacity *= 2
        }
        (elements + elementCount).initialize(to: value)
        elementCount += 1
    }

    mutating func pushMember(key: consuming String) {
        if memberCount == memberCapacity {
            let grown = UnsafeMutablePointer<Member>.allocate(capacity: memberCapacity * 2)
            grown.moveInitialize(from: members, count: memberCount)
            members.deallocate()
            members = grown
            memberCapacity *= 2
        }
        (members + memberCount).initialize(to: (key: key, value: .null))
        memberCount += 1
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }

    @inline(__always) mutating func skipWhitespace() {
        while pos < end {
            switch byte(pos) {
            case JSONByte.space, JSONByte.newline, JSONByte.tab, JSONByte.carriageReturn: pos += 1
            default: return
            }
        }
    }

    /// Parses the whole input as one value followed only by whitespace.
    mutating func parseDocument() throws(JSONError) -> JSONValue {
        if end >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF {
            throw JSONError(
                .byteOrderMark,
                at: 0,
                path: "$",
                what: "UTF-8 byte order mark (BOM)",
                hint: "JSON text must not start with a BOM; remove the bytes EF BB BF"
            )
        }
        skipWhitespace()
        nextValue: while true {
            // A value starts at `pos` (whitespace skipped).
            var value: JSONValue
            guard pos < end else { throw unexpected(at: pos, expected: "a value", inValue: true) }
            switch byte(pos) {
            case JSONByte.openBrace:
                try open(isObject: true)
                skipWhitespace()
                if pos < end && byte(pos) == JSONByte.closeBrace {
                    pos += 1
                    value = closeObject()
                } else {
                    try parseMemberKey()
                    continue nextValue
                }
            case JSONByte.openBracket:
                try open(isObject: false)
                skipWhitespace()
                if pos < end && byte(pos) == JSONByte.closeBracket {
                    pos += 1
                    value = closeArray()
                } else {
                    continue nextValue
                }
            case JSONByte.quote:
                value = .string(try parseString(isKey: false))
            case JSONByte.minus, JSONByte.zero...JSONByte.nine:
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try parseLiteral(JSONParserEngine.trueBytes)
                value = .bool(true)
            case UInt8(ascii: "f"):
                try parseLiteral(JSONParserEngine.falseBytes)
                value = .bool(false)
            case UInt8(ascii: "n"):
                try parseLiteral(JSONParserEngine.nullBytes)
                value = .null
            default:
                throw invalidValueStart()
            }
            // Hand the finished value to the enclosing containers, closing those that end here.
            while true {
                guard !frames.isEmpty else {
                    skipWhitespace()
                    guard pos == end else { throw trailingData(at: pos) }
                    return value
                }
                let isObject = frames[frames.count - 1].isObject
                if isObject {
                    members[memberCount - 1].value = value
                } else {
                    pushElement(value)
                }
                skipWhitespace()
                guard pos < end else {
                    throw unexpected(at: pos, expected: isObject ? "',' or '}'" : "',' or ']'", inValue: false)
                }
                let c = byte(pos)
                if c == JSONByte.comma {
                    pos += 1
                    skipWhitespace()
                    if isObject { try parseMemberKey() }
                    continue nextValue
                } else if isObject && c == JSONByte.closeBrace {
                    pos += 1
                    value = closeObject()
                } else if !isObject && c == JSONByte.closeBracket {
                    pos += 1
                    value = closeArray()
                } else {
                    throw unexpected(at: pos, expected: isObject ? "',' or '}'" : "',' or ']'", inValue: false)
                }
            }
        }
    }

    /// Opens the array or object whose bracket is at `pos`.
    mutating func open(isObject: Bool) throws(JSONError) {
        guard frames.count < limits.maxDepth else {
            throw JSONError(
                .tooDeep,
                at: pos,
                path: path(inValue: true),
                what: "arrays and objects nested deeper than the limit of \(limits.maxDepth) levels"
            )
        }
        frames.append(Frame(isObject: isObject, elementStart: elementCount, memberStart: memberCount, index: nil))
        pos += 1
    }

    /// Reads `"key"` and `:` at `pos` (whitespace skipped) in the innermost object, and skips whitespace after.
    mutating func parseMemberKey() throws(JSONError) {
        guard pos < end, byte(pos) == JSONByte.quote else {
            let afterComma = memberCount > frames[frames.count - 1].memberStart
            let trailingComma = afterComma && pos < end && byte(pos) == JSONByte.closeBrace
            throw unexpected(
                at: pos,
                expected: trailingComma ? "a key; no comma may follow the last member" : "a string key",
                inValue: false
            )
        }
        let keyOffset = pos
        let key = try parseString(isKey: true)
        try addKey(key, at: keyOffset)
        skipWhitespace()
        guard pos < end, byte(pos) == JSONByte.colon else {
            throw unexpected(at: pos, expected: "':' after the key", inValue: false)
        }
        pos += 1
        skipWhitespace()
    }

    /// Adds a member named `key` to the innermost object unless it already has one with the same UTF-8 bytes.
    mutating func addKey(_ key: String, at offset: Int) throws(JSONError) {
        let top = frames.count - 1
        let start = frames[top].memberStart
        let existing = memberCount - start
        if existing < JSONObject.indexThreshold {
            let length = key.utf8.count
            for j in start..<memberCount where members[j].key.utf8.count == length {
                if JSONKey.bytesEqual(members[j].key, key) { throw duplicateKey(key, at: offset) }
            }
        } else {
            var index: [JSONKey: Int]
            if let built = frames[top].index {
                index = built
                frames[top].index = nil  // keep the dictionary uniquely referenced while it grows
            } else {
                index = [JSONKey: Int](minimumCapacity: existing * 2)
                for j in 0..<existing { index[JSONKey(members[start + j].key)] = j }
            }
            let previous = index.updateValue(existing, forKey: JSONKey(key))
            frames[top].index = index
            if previous != nil { throw duplicateKey(key, at: offset) }
        }
        pushMember(key: key)
    }

    func duplicateKey(_ key: String, at offset: Int) -> JSONError {
        JSONError(
            .duplicateKey,
            at: offset,
            path: path(inValue: false),
            what: "duplicate key \(JSONPath.quoted(key))"
        )
    }

    /// Closes the innermost object, moving its members off the stack.
    mutating func closeObject() -> JSONValue {
        let frame = frames.removeLast()
        let count = memberCount - frame.memberStart
        let source = members + frame.memberStart
        // An empty one is `[]`: `unsafeUninitializedCapacity: 0` would store its count into the shared empty-array
        // singleton, a write that races with every other thread doing the same (ThreadSanitizer reports it).
        let moved =
            count == 0
            ? []
            : [Member](unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: source, count: count)
                initialized = count
            }
        memberCount = frame.memberStart
        return .object(JSONObject(validatedMembers: moved, index: frame.index))
    }

    /// Closes the innermost array, moving its elements off the stack.
    mutating func closeArray() -> JSONValue {
        let frame = frames.removeLast()
        let count = elementCount - frame.elementStart
        let source = elements + frame.elementStart
        // An empty one is `[]`: `unsafeUninitializedCapacity: 0` would store its count into the shared empty-array
        // singleton, a write that races with every other thread doing the same (ThreadSanitizer reports it).
        let moved =
            count == 0
            ? []
            : [JSONValue](unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: source, count: count)
                initialized = count
            }
        elementCount = frame.elementStart
        return .array(moved)
    }

    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static let nullBytes: [UInt8] = Array("null".utf8)

    /// Reads the literal `word` at `pos`.
    mutating func parseLiteral(_ word: [UInt8]) throws(JSONError) {
        for (k, expected) in word.enumerated() {
            guard pos + k < end, byte(pos + k) == expected else {
                let name = String(decoding: word, as: UTF8.self)
                throw unexpected(at: pos + k, expected: "'\(name)'", inValue: true)
            }
        }
        pos += word.count
    }

    /// The error for a byte at `pos` that cannot start a value.
    func invalidValueStart() -> JSONError {
        func startsWith(_ word: String) -> Bool {
            let bytes = Array(word.utf8)
            guard pos + bytes.count <= end else { return false }
            for (k, b) in bytes.enumerated() where byte(pos + k) != b { return false }
            return true
        }
        let c = byte(pos)
        let hint: String? =
            if startsWith("NaN") || startsWith("Infinity") {
                "NaN and Infinity are not JSON numbers"
            } else if c == UInt8(ascii: "+") {
                "a number must not start with '+'"
            } else if c == UInt8(ascii: ".") {
                "a number needs a digit before '.'"
            } else {
                nil
            }
        if let hint {
            return JSONError(.invalidNumber, at: pos, path: path(inValue: true), what: "invalid number", hint: hint)
        }
        if c == JSONByte.closeBracket, let top = frames.last, !top.isObject, elementCount > top.elementStart {
            return unexpected(at: pos, expected: "a value; no comma may follow the last element", inValue: true)
        }
        return unexpected(at: pos, expected: "a value", inValue: true)
    }

    /// The error for the byte at `offset` when `expected` should be there: unexpected end, invalid UTF-8 or an
    /// unexpected character.
    func unexpected(at offset: Int, expected: String, inValue: Bool) -> JSONError {
        let path = path(inValue: inValue)
        guard offset < end else {
            return JSONError(
                .unexpectedEnd,
                at: offset,
                path: path,
                what: "unexpected end of input",
                hint: "expected \(expected)"
            )
        }
        switch describeByte(at: offset, inValue: inValue) {
        case .failure(let error):
            return error
        case .success(let shown):
            return JSONError(
                .unexpectedCharacter,
                at: offset,
                path: path,
                what: "unexpected \(shown)",
                hint: "expected \(expected)"
            )
        }
    }

    /// The error for a byte other than whitespace after the top-level value.
    func trailingData(at offset: Int) -> JSONError {
        switch describeByte(at: offset, inValue: false) {
        case .failure(let error):
            return error
        case .success(let shown):
            return JSONError(
                .trailingData,
                at: offset,
                path: "$",
                what: "unexpected \(shown) after the JSON value",
                hint: "only whitespace may follow it"
            )
        }
    }

    /// How to show the character at `offset` in a message, or the error when it starts ill-formed UTF-8.
    func describeByte(at offset: Int, inValue: Bool) -> Result<String, JSONError> {
        let c = byte(offset)
        if c >= 0x80 {
            let next: Int
            do {
                next = try utf8SequenceEnd(at: offset, inValue: inValue)
            } catch {
                return .failure(error)
            }
            var scalar = UInt32(c) & (0xFF >> (next - offset + 1))
            for k in offset + 1..<next { scalar = scalar << 6 | UInt32(byte(k) & 0x3F) }
            return .success("character U+\(Hex.uppercase(scalar, minimumDigits: 4))")
        }
        if c < 0x20 || c == 0x7F {
            return .success("control character U+\(Hex.uppercase(UInt32(c), minimumDigits: 4))")
        }
        return .success("'\(Character(Unicode.Scalar(c)))'")
    }

    /// The path of the current position: the innermost container, plus the member or element being read when
    /// `inValue` is true.
    func path(inValue: Bool) -> String {
        var path = "$"
        for i in frames.indices {
            let isTop = i == frames.count - 1
            if isTop && !inValue { break }
            let frame = frames[i]
            if frame.isObject {
                // The member being read is the last one pushed before the next frame opened.
                let member = (isTop ? memberCount : frames[i + 1].memberStart) - 1
                guard member >= frame.memberStart else { break }
                JSONPath.appendKey(members[member].key, to: &path)
            } else {
                let index = (isTop ? elementCount : frames[i + 1].elementStart) - frame.elementStart
                path += "[\(index)]"
            }
        }
        return path
    }
}

/// Byte values the parser compares against.
enum JSONByte {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let upperE: UInt8 = 0x45
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let lowerE: UInt8 = 0x65
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
}

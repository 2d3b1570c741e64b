import GroupDomain
import LedgerCore

/// The direct path for an envelope line (`docs/EVENTS.md`): it checks the line against the envelope rules and the
/// event catalogue on a ``JSONTape`` and writes the event's RFC 8785 bytes straight from the line's bytes, with no
/// JSON tree and no second serialization.
///
/// It gives exactly the event ``EnvelopeDecoder`` and ``EventCatalogue/validate(_:at:)`` give, or declines the line
/// (`nil`) and the general path decides. It declines whenever a line is not plainly valid — anything the tape does
/// not index, an identifier with an escape or a character outside printable ASCII, an object key holding a
/// character beyond U+FFFF (whose RFC 8785 order differs from its bytes' order), a reserved id or type, a field
/// the catalogue refuses, an event past the record or content limits — so that every error still comes from the
/// general path, which stays the reference. `EnvelopeDirectLineTests` and the FuzzEnvelope target compare both.
struct EnvelopeDirectLine {
    private let limits = JSONLimits(maxDepth: EnvelopeRules.maxDepth)
    private let catalogue = ByteCatalogue.shared
    private static let typeKey = Array("type".utf8)
    private static let timeKey = Array("time".utf8)
    private static let actorKey = Array("actor".utf8)
    private static let groupKey = Array("group".utf8)
    private static let dataKey = Array("data".utf8)
    private static let contentKey = Array("content".utf8)

    /// The event of `line`, or `nil` when this path leaves it to the general one; `sha` hashes the event's id.
    func event(_ line: UnsafeRawBufferPointer, sha: SHA256) -> PreparedEvent? {
        JSONTape.index(line, limits: limits) { tape -> PreparedEvent? in
            guard let tape, let fields = check(tape) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(tape[0].end - tape[0].start) + 16)
            var contentStart: Int?
            guard write(tape, fields, into: &bytes, contentStart: &contentStart) else { return nil }
            // The content moves to an array of its own; the record bytes stay where they were written.
            let content = contentStart.map { Array(bytes[$0...]) }
            if let contentStart { bytes.removeSubrange(contentStart...) }
            let id = tape.raw(fields.id)
            return PreparedEvent(
                checkedID: String(decoding: id, as: UTF8.self),
                chainBytes: bytes,
                contentBytes: content,
                idHash: sha.hash(id)
            )
        }
    }

    /// Appends the event of `line` to `batch` and returns `true`, or returns `false` (the batch unchanged) when
    /// this path leaves the line to the general one: ``event(_:sha:)`` written straight into the batch's buffer.
    func append(_ line: UnsafeRawBufferPointer, to batch: inout PreparedBatch, sha: SHA256) -> Bool {
        JSONTape.index(line, limits: limits) { tape -> Bool in
            guard let tape, let fields = check(tape) else { return false }
            return batch.appendChecked(idHash: sha.hash(tape.raw(fields.id)), sha: sha) { bytes, contentStart in
                write(tape, fields, into: &bytes, contentStart: &contentStart)
            }
        }
    }

    /// Where the envelope's members are on the tape.
    private struct Fields {
        var id: Int
        var type: Int
        var time: Int
        var actor: Int
        var group: Int?
        var data: Int?
        var content: Int?
    }

    /// The envelope's members, when the line passes every check of this path short of writing its bytes.
    private func check(_ tape: JSONTape) -> Fields? {
        var fields: (id: Int?, type: Int?, time: Int?, actor: Int?, group: Int?, data: Int?, content: Int?)
        guard tape[0].kind == .object else { return nil }
        var key = 1
        let end = Int(tape[0].next)
        while key < end {
            let value = key + 1
            let name = tape.raw(key)
            // Keys are never escaped on the tape; the envelope's seven are told apart by length and first byte.
            switch (name.count, name.first) {
            case (2, UInt8(ascii: "i")) where name[1] == UInt8(ascii: "d"): fields.id = value
            case (4, UInt8(ascii: "t")) where ByteCatalogue.same(Self.typeKey, name): fields.type = value
            case (4, UInt8(ascii: "t")) where ByteCatalogue.same(Self.timeKey, name): fields.time = value
            case (5, UInt8(ascii: "a")) where ByteCatalogue.same(Self.actorKey, name): fields.actor = value
            case (5, UInt8(ascii: "g")) where ByteCatalogue.same(Self.groupKey, name): fields.group = value
            case (4, UInt8(ascii: "d")) where ByteCatalogue.same(Self.dataKey, name): fields.data = value
            case (7, UInt8(ascii: "c")) where ByteCatalogue.same(Self.contentKey, name): fields.content = value
            default: return nil
            }
            key = Int(tape[value].next)
        }
        guard let idIndex = fields.id, let id = identifier(tape, idIndex), !isReserved(id),
            let typeIndex = fields.type, tape[typeIndex].kind == .string, !tape[typeIndex].isEscaped,
            let type = catalogue.type(named: tape.raw(typeIndex)),
            let time = fields.time, tape[time].kind == .string, !tape[time].isEscaped,
            Timestamp.isAcceptable(tape.raw(time)),
            let actor = fields.actor, identifier(tape, actor) != nil
        else { return nil }
        switch (type.group, fields.group) {
        case (.required, nil), (.none, .some): return nil
        case (_, .some(let group)) where identifier(tape, group) == nil: return nil
        default: break
        }
        if let data = fields.data {
            guard tape[data].kind == .object, fits(tape, data: data, type: type) else { return nil }
        } else if type.requiredCount > 0 {
            return nil
        }
        return Fields(
            id: idIndex,
            type: typeIndex,
            time: time,
            actor: actor,
            group: fields.group,
            data: fields.data,
            content: fields.content
        )
    }

    /// Appends the record bytes (the envelope without content, members in RFC 8785 order), then the content's
    /// canonical bytes if there is content, whose start goes to `contentStart`; `false` when a key's order could
    /// differ from its bytes' order or a limit is passed (what was appended is then the caller's to cut).
    private func write(
        _ tape: JSONTape,
        _ fields: Fields,
        into out: inout [UInt8],
        contentStart: inout Int?
    ) -> Bool {
        let start = out.count
        append(#"{"actor":"#, to: &out)
        appendQuoted(tape, fields.actor, to: &out)
        if let data = fields.data {
            append(#","data":"#, to: &out)
            guard canonical(tape, data, into: &out) else { return false }
        }
        if let group = fields.group {
            append(#","group":"#, to: &out)
            appendQuoted(tape, group, to: &out)
        }
        append(#","id":"#, to: &out)
        appendQuoted(tape, fields.id, to: &out)
        append(#","time":"#, to: &out)
        appendQuoted(tape, fields.time, to: &out)
        append(#","type":"#, to: &out)
        appendQuoted(tape, fields.type, to: &out)
        out.append(UInt8(ascii: "}"))
        guard out.count - start <= Record.maxEnvelopeSize else { return false }

        if let index = fields.content {
            let content = out.count
            guard canonical(tape, index, into: &out), out.count - content <= EnvelopeRules.maxContentBytes else {
                return false
            }
            contentStart = content
        }
        return true
    }

    // MARK: The envelope's checks

    /// An identifier (`id`, `actor`, `group`, a data field of kind identifier) that passes every identifier rule
    /// because it is 1 to 256 bytes of printable ASCII (U+0020–U+007E) written without escapes.
    private func identifier(_ tape: JSONTape, _ index: Int) -> UnsafeRawBufferPointer? {
        let entry = tape[index]
        guard entry.kind == .string, !entry.isEscaped else { return nil }
        let text = tape.raw(index)
        guard (1...EnvelopeRules.maxIdentifierBytes).contains(text.count),
            text.allSatisfy({ (0x20...0x7E).contains($0) })
        else { return nil }
        return text
    }

    /// Whether `id` starts with the ledger's reserved prefix, in any case.
    private func isReserved(_ id: UnsafeRawBufferPointer) -> Bool {
        let prefix = EnvelopeRules.reservedIdPrefix.utf8
        return id.count >= prefix.count && zip(id, prefix).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// Whether the `data` object has every field `type` requires, only fields it allows, each of its kind.
    private func fits(_ tape: JSONTape, data: Int, type: ByteCatalogue.Entry) -> Bool {
        var required = 0
        var key = data + 1
        let end = Int(tape[data].next)
        while key < end {
            guard let field = type.fieldIndex(named: tape.raw(key)) else { return false }
            if type.fields[field].isRequired { required += 1 }
            guard fits(tape, key + 1, type.fields[field].kind) else { return false }
            key = Int(tape[key + 1].next)
        }
        return required == type.requiredCount
    }

    /// Whether the value at `index` has the shape `kind` asks for (``FieldKind``'s checks, on the tape).
    private func fits(_ tape: JSONTape, _ index: Int, _ kind: ByteCatalogue.Kind) -> Bool {
        let entry = tape[index]
        switch kind {
        case .identifier:
            return identifier(tape, index) != nil
        case .text:
            return entry.kind == .string
        case .oneOf(let allowed):
            guard entry.kind == .string, !entry.isEscaped else { return false }
            let text = tape.raw(index)
            return allowed.contains { ByteCatalogue.same($0, text) }
        case .identifiers:
            guard entry.kind == .array, entry.next > index + 1 else { return false }
            return elements(tape, of: index).allSatisfy { identifier(tape, $0) != nil }
        case .texts:
            // A string's raw bytes are empty exactly when the string is (an escape stands for one character).
            guard entry.kind == .array, entry.next > index + 1 else { return false }
            return elements(tape, of: index).allSatisfy { tape[$0].kind == .string && !tape.raw($0).isEmpty }
        case .timestamp:
            return entry.kind == .string && !entry.isEscaped && Timestamp.isAcceptable(tape.raw(index))
        case .integer:
            // The tape indexes integers only: a fraction or an exponent declines the whole line.
            return entry.kind == .number
        case .sha256Hex:
            let text = tape.raw(index)
            return entry.kind == .string && !entry.isEscaped && text.count == 64
                && text.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        case .object:
            return entry.kind == .object
        case .mentions:
            guard entry.kind == .array else { return false }
            return elements(tape, of: index).allSatisfy { mention in
                guard tape[mention].kind == .object, let account = tape.member("account", of: mention),
                    identifier(tape, account) != nil,
                    let pos = tape.member("pos", of: mention), tape[pos].kind == .number,
                    let len = tape.member("len", of: mention), tape[len].kind == .number
                else { return false }
                return true
            }
        }
    }

    /// The element entries of the array at `array`, in order.
    private func elements(_ tape: JSONTape, of array: Int) -> some Sequence<Int> {
        let end = Int(tape[array].next)
        return sequence(first: array + 1) { Int(tape[$0].next) }.prefix { $0 < end }
    }

    // MARK: RFC 8785 bytes from the tape

    private func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends a string without escapes in quotes: its bytes as written are already canonical, since JSON text
    /// cannot hold a raw quote, backslash or control character, and RFC 8785 escapes nothing else.
    private func appendQuoted(_ tape: JSONTape, _ index: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: tape.raw(index))
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the canonical bytes of the value at `index` (``JCS``, including its exact digits for plain
    /// integers), or returns `false` when an object key's order could differ from its bytes' order.
    private func canonical(_ tape: JSONTape, _ index: Int, into out: inout [UInt8]) -> Bool {
        let entry = tape[index]
        switch entry.kind {
        case .string:
            if entry.isEscaped {
                var decoded: [UInt8] = []
                tape.decodeString(index, into: &decoded)
                decoded.withUnsafeBytes { JCS.serializeString(utf8: $0, into: &out) }
            } else {
                appendQuoted(tape, index, to: &out)
            }
        case .number:
            let digits = tape.raw(index)
            if digits.count == 2, digits[0] == UInt8(ascii: "-"), digits[1] == UInt8(ascii: "0") {
                out.append(UInt8(ascii: "0"))
            } else {
                out.append(contentsOf: digits)
            }
        case .true: append("true", to: &out)
        case .false: append("false", to: &out)
        case .null: append("null", to: &out)
        case .array:
            out.append(UInt8(ascii: "["))
            var element = index + 1
            let end = Int(entry.next)
            while element < end {
                if element > index + 1 { out.append(UInt8(ascii: ",")) }
                guard canonical(tape, element, into: &out) else { return false }
                element = Int(tape[element].next)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            return canonicalObject(tape, index, into: &out)
        }
        return true
    }

    /// An object's members sorted by key. Keys below U+10000 sort the same by UTF-8 bytes as by UTF-16 code units
    /// (RFC 8785 §3.2.3); a key with a 4-byte sequence declines the line.
    private func canonicalObject(_ tape: JSONTape, _ index: Int, into out: inout [UInt8]) -> Bool {
        // The tape indexes objects of at most `JSONTape.maxMembers` members.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: JSONTape.maxMembers) { keys in
            var count = 0
            var key = index + 1
            let end = Int(tape[index].next)
            while key < end {
                let name = tape.raw(key)
                guard count < JSONTape.maxMembers, !name.contains(where: { $0 >= 0xF0 }) else { return false }
                // Insertion sort: objects are small, and usually nearly sorted.
                var slot = count
                while slot > 0, name.lexicographicallyPrecedes(tape.raw(keys[slot - 1])) {
                    keys[slot] = keys[slot - 1]
                    slot -= 1
                }
                keys[slot] = key
                count += 1
                key = Int(tape[key + 1].next)
            }
            out.append(UInt8(ascii: "{"))
            for position in 0..<count {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendQuoted(tape, keys[position], to: &out)
                out.append(UInt8(ascii: ":"))
                guard canonical(tape, keys[position] + 1, into: &out) else { return false }
            }
            out.append(UInt8(ascii: "}"))
            return true
        }
    }
}

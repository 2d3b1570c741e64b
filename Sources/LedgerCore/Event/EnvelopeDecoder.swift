/// Turns JSON Lines input into validated ``EventEnvelope`` values, with errors that name the line and field.
public struct EnvelopeDecoder: Sendable {
    private let parser = JSONParser(limits: JSONLimits(maxDepth: EnvelopeRules.maxDepth))

    /// The envelope's members.
    static let fields: Set<String> = ["id", "type", "time", "actor", "group", "data", "content"]

    public init() {}

    /// Decodes one input line (without its newline).
    ///
    /// - Parameters:
    ///   - line: the bytes of the line.
    ///   - location: where the line came from, for messages, e.g. `events.jsonl line 12`.
    /// - Throws: ``LedgerError`` with code `.badInput` naming `location`, the field, and what is wrong.
    public func decode(_ line: UnsafeRawBufferPointer, at location: String) throws(LedgerError) -> EventEnvelope {
        guard line.count <= EnvelopeRules.maxLineBytes else {
            throw bad(location, "line of \(line.count) bytes exceeds the \(EnvelopeRules.maxLineBytes)-byte limit")
        }
        let value: JSONValue
        do {
            value = try parser.parse(line)
        } catch {
            throw bad(location, error.message)
        }
        return try decode(value, at: location)
    }

    /// Decodes one input line (without its newline). See ``decode(_:at:)-(UnsafeRawBufferPointer,_)``.
    public func decode(_ line: [UInt8], at location: String) throws(LedgerError) -> EventEnvelope {
        let result: Result<EventEnvelope, LedgerError> = line.withUnsafeBytes { buffer in
            do throws(LedgerError) { return .success(try decode(buffer, at: location)) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Validates an already parsed JSON value as an envelope.
    public func decode(
        _ value: JSONValue,
        at location: String,
        allowReserved: Bool = false
    ) throws(LedgerError) -> EventEnvelope {
        try decode(value, at: location, allowReserved: allowReserved, stored: false)
    }

    /// Validates a parsed envelope; `stored` applies the rules records were written under (see
    /// ``decodeStored(_:seq:)``) instead of today's input rules.
    private func decode(
        _ value: JSONValue,
        at location: String,
        allowReserved: Bool,
        stored: Bool
    ) throws(LedgerError) -> EventEnvelope {
        guard case .object(let object) = value else {
            throw bad(location, "an event must be a JSON object")
        }
        for member in object.members where !EnvelopeDecoder.fields.contains(member.key) {
            throw bad(
                location,
                "field \"\(member.key)\" is not part of the envelope (allowed: id, type, time, actor, "
                    + "group, data, content); put source-specific fields in \"data\" or \"content\""
            )
        }
        let id = try identifier("id", in: object, at: location, stored: stored)
        let type = try string("type", in: object, at: location)
        try checkType(type, at: location, allowReserved: allowReserved)
        if !allowReserved { try checkUnreservedId(id, at: location) }
        let timeText = try string("time", in: object, at: location)
        guard let time = stored ? Timestamp.anyYear(timeText) : Timestamp(timeText) else {
            throw bad(location, "field \"time\": \"\(timeText)\" \(Timestamp.problem(timeText) ?? "is not a time")")
        }
        let actor = try identifier("actor", in: object, at: location, stored: stored)
        let group: String? =
            object["group"] == nil ? nil : try identifier("group", in: object, at: location, stored: stored)
        var data: JSONValue?
        if let value = object["data"] {
            guard case .object = value else { throw bad(location, "field \"data\" must be a JSON object") }
            data = value
        }
        return try measured(
            EventEnvelope(
                id: id,
                type: type,
                time: time,
                actor: actor,
                group: group,
                data: data,
                content: object["content"]
            ),
            at: location
        )
    }

    /// Checks an envelope built in code (an importer's) with the rules ``decode(_:at:)-(UnsafeRawBufferPointer,_)``
    /// applies to an input line, and returns it with its canonical bytes kept for the append.
    ///
    /// - Throws: ``LedgerError`` with code `.badInput` naming `location` and the field.
    public func validate(_ envelope: EventEnvelope, at location: String) throws(LedgerError) -> EventEnvelope {
        try checkIdentifier("id", envelope.id, at: location)
        try checkType(envelope.type, at: location, allowReserved: false)
        try checkUnreservedId(envelope.id, at: location)
        try checkIdentifier("actor", envelope.actor, at: location)
        if let group = envelope.group { try checkIdentifier("group", group, at: location) }
        if let data = envelope.data, data.objectValue == nil {
            throw bad(location, "field \"data\" must be a JSON object")
        }
        return try measured(envelope, at: location)
    }

    /// The envelope with its canonical bytes kept, once they are within the record and content limits.
    private func measured(_ envelope: EventEnvelope, at location: String) throws(LedgerError) -> EventEnvelope {
        var envelope = envelope
        let canonical = envelope.keepCanonicalBytes()
        guard canonical.chain.count <= Record.maxEnvelopeSize else {
            throw bad(
                location,
                "the event without content is \(canonical.chain.count) bytes; a record holds at most "
                    + "\(Record.maxEnvelopeSize): move long text into \"content\""
            )
        }
        if let contentBytes = canonical.content?.count, contentBytes > EnvelopeRules.maxContentBytes {
            throw bad(
                location,
                "field \"content\" is \(contentBytes) bytes; the limit is \(EnvelopeRules.maxContentBytes)"
            )
        }
        return envelope
    }

    private func checkType(_ type: String, at location: String, allowReserved: Bool) throws(LedgerError) {
        guard EnvelopeRules.isValidType(type) else {
            throw bad(location, "field \"type\": \"\(type)\" is not dotted lowercase words like \"member.joined\"")
        }
        guard allowReserved || EnvelopeRules.namespace(of: type) != EnvelopeRules.reservedNamespace else {
            throw bad(location, "field \"type\": \"\(type)\" is reserved for events the ledger writes itself")
        }
    }

    private func checkUnreservedId(_ id: String, at location: String) throws(LedgerError) {
        if let problem = EnvelopeRules.reservedIdProblem(id) { throw bad(location, "field \"id\" \(problem)") }
    }

    private func checkIdentifier(
        _ field: String,
        _ text: String,
        at location: String,
        stored: Bool = false
    ) throws(LedgerError) {
        if let problem = stored ? EnvelopeRules.storedIdentifierProblem(text) : EnvelopeRules.identifierProblem(text) {
            throw bad(location, "field \"\(field)\" \(problem)")
        }
    }

    /// Reads an envelope back from a stored record (canonical JSON without `content`); `ledger.*` types allowed.
    ///
    /// Records keep the rules they were appended under: an identifier with a default-ignorable character or a time
    /// outside the years 0001–9999, refused as input since, still reads back, so that an older ledger stays intact.
    public func decodeStored(_ bytes: [UInt8], seq: UInt64) throws(LedgerError) -> EventEnvelope {
        let location = "record \(seq)"
        let value: JSONValue
        do { value = try parser.parse(bytes) } catch { throw LedgerError(.corrupt, "\(location): \(error.message)") }
        return try decodeStored(value, seq: seq)
    }

    /// ``decodeStored(_:seq:)-([UInt8],_)`` of a record already parsed.
    public func decodeStored(_ value: JSONValue, seq: UInt64) throws(LedgerError) -> EventEnvelope {
        do {
            return try decode(value, at: "record \(seq)", allowReserved: true, stored: true)
        } catch {
            throw LedgerError(.corrupt, error.message)
        }
    }

    private func string(_ field: String, in object: JSONObject, at location: String) throws(LedgerError) -> String {
        guard let value = object[field] else { throw bad(location, "field \"\(field)\" is required") }
        guard case .string(let text) = value else {
            throw bad(location, "field \"\(field)\" must be a string, found \(value.kindName)")
        }
        return text
    }

    private func identifier(
        _ field: String,
        in object: JSONObject,
        at location: String,
        stored: Bool
    ) throws(LedgerError)
        -> String
    {
        if case .number(let number) = object[field] {
            throw bad(
                location,
                "field \"\(field)\" must be a string; write the number \(number.text) in quotes "
                    + "so that no digit is lost"
            )
        }
        let text = try string(field, in: object, at: location)
        try checkIdentifier(field, text, at: location, stored: stored)
        return text
    }

    private func bad(_ location: String, _ message: String) -> LedgerError {
        LedgerError(.badInput, "\(location): \(message)")
    }
}

extension JSONValue {
    /// "string", "number", "object"… for messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

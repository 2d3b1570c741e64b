public import LedgerCore

/// Why one unit of source input (a line, an array element, a CSV row) cannot be imported: where it is, which
/// field, and what is wrong.
///
/// ``description`` reads `zca.jsonl line 12 (byte 3456): field $.payload.data.msgId: must be a string or an
/// integer, found an object`. ``byteOffset`` is absolute in the input: the unit's offset plus, for JSON syntax
/// errors, the offset inside the unit.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the unit is.
    public var location: SourceLocation
    /// The absolute byte offset of the problem in the input (the unit's first byte when no finer offset is known).
    public var byteOffset: Int
    /// The JSON path (`$.payload.data.ts`) or CSV column (`column "account"`) concerned, or `nil` for the whole unit.
    public var field: String?
    /// What is wrong, for people.
    public var reason: String

    public init(_ location: SourceLocation, field: String? = nil, byteOffset: Int? = nil, _ reason: String) {
        self.location = location
        self.field = field
        self.byteOffset = byteOffset ?? location.byteOffset
        self.reason = reason
    }

    public var description: String {
        var text = "\(location.name) \(location.unit.rawValue) \(location.number) (byte \(byteOffset)): "
        if let field { text += "field \(field): " }
        return text + reason
    }

    /// The field concerned as a JSON path: ``field``, or for an event envelope, whose checks name the field at the
    /// start of their reason (`field "time": …`, see `EnvelopeDecoder`), `$.` and that name.
    public var fieldPath: String? {
        if let field { return field }
        guard reason.hasPrefix("field \""), let end = reason.dropFirst(7).firstIndex(of: "\"") else { return nil }
        return "$." + reason[reason.index(reason.startIndex, offsetBy: 7)..<end]
    }

    /// The same problem as a ``LedgerError`` with code `.badInput`, as the command-line tool reports it.
    public var ledgerError: LedgerError { LedgerError(.badInput, description) }
}

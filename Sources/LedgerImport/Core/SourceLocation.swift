/// Where one unit of source input came from: the input's name, the line, array element or CSV row, and the byte
/// offset of its first byte, for messages and provenance.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the input is cut into units.
    public enum Unit: String, Sendable, Hashable {
        /// A line of JSON Lines, numbered from 1.
        case line
        /// An element of a top-level JSON array, numbered from 0.
        case element
        /// A CSV record, numbered from 1 like the spreadsheet's rows (the header is row 1).
        case row
    }

    /// The input's name as the user gave it: a path, or `stdin`.
    public var name: String
    /// What ``number`` counts.
    public var unit: Unit
    /// The line or row (from 1), or the element index (from 0).
    public var number: Int
    /// The offset of the unit's first byte from the start of the input.
    public var byteOffset: Int

    public init(name: String, unit: Unit, number: Int, byteOffset: Int) {
        self.name = name
        self.unit = unit
        self.number = number
        self.byteOffset = byteOffset
    }

    /// `zca.jsonl line 12 (byte 3456)`, `store.json element 3 (byte 1024)`.
    public var description: String { "\(name) \(unit.rawValue) \(number) (byte \(byteOffset))" }
}

import GroupDomain
import LedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The event catalogue arranged for lookups by the bytes of a name as ``EnvelopeDirectLine`` finds them in a line:
/// no string is made and no table of strings hashed per event. It holds exactly what
/// ``EventCatalogue/validate(_:at:)`` checks.
struct ByteCatalogue: Sendable {
    /// A field's shape (``FieldKind``, with the allowed words of `oneOf` as bytes).
    enum Kind: Sendable {
        case identifier, text, identifiers, texts, timestamp, integer, sha256Hex, object, mentions
        case oneOf([[UInt8]])

        init(_ kind: FieldKind) {
            switch kind {
            case .identifier: self = .identifier
            case .text: self = .text
            case .oneOf(let words): self = .oneOf(words.map { Array($0.utf8) })
            case .identifiers: self = .identifiers
            case .texts: self = .texts
            case .timestamp: self = .timestamp
            case .integer: self = .integer
            case .sha256Hex: self = .sha256Hex
            case .object: self = .object
            case .mentions: self = .mentions
            }
        }
    }

    /// A `data` field a type takes.
    struct Field: Sendable {
        let name: [UInt8]
        let kind: Kind
        let isRequired: Bool
    }

    /// One event type.
    final class Entry: Sendable {
        let name: [UInt8]
        let group: EventSchema.GroupRequirement
        /// Required fields, then optional ones, then the provenance field every type may carry.
        let fields: [Field]
        let requiredCount: Int

        init(_ schema: EventSchema) {
            name = Array(schema.type.rawValue.utf8)
            group = schema.group
            var fields = schema.required.map { Field(name: Array($0.key.utf8), kind: Kind($0.value), isRequired: true) }
            for (name, kind) in schema.optional where schema.required[name] == nil {
                fields.append(Field(name: Array(name.utf8), kind: Kind(kind), isRequired: false))
            }
            let provenance = EventCatalogue.provenanceField
            if schema.required[provenance] == nil && schema.optional[provenance] == nil {
                fields.append(Field(name: Array(provenance.utf8), kind: .object, isRequired: false))
            }
            self.fields = fields
            requiredCount = schema.required.count
        }

        /// The position in ``fields`` of the field called `name`, if the type takes it (a position rather than the
        /// field, whose copy would retain and release its name and words for every field of every event).
        func fieldIndex(named name: UnsafeRawBufferPointer) -> Int? {
            fields.firstIndex { ByteCatalogue.same($0.name, name) }
        }
    }

    static let shared = ByteCatalogue(EventCatalogue.types.values)

    private let entries: [Entry]
    /// Open addressing by the FNV-1a hash of the name: an index into `entries`, or -1.
    private let slots: [Int]

    init(_ schemas: some Collection<EventSchema>) {
        entries = schemas.map(Entry.init)
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        var slots = [Int](repeating: -1, count: capacity)
        for (index, entry) in entries.enumerated() {
            var slot = entry.name.withUnsafeBytes(ByteCatalogue.hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = index
        }
        self.slots = slots
    }

    /// The type called `name`, if the catalogue has it.
    func type(named name: UnsafeRawBufferPointer) -> Entry? {
        var slot = ByteCatalogue.hash(name) & (slots.count - 1)
        while slots[slot] >= 0 {
            let entry = entries[slots[slot]]
            if ByteCatalogue.same(entry.name, name) { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }

    static func same(_ name: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard name.count == bytes.count else { return false }
        guard let other = bytes.baseAddress, !name.isEmpty else { return true }
        return name.withUnsafeBytes { memcmp($0.baseAddress!, other, bytes.count) == 0 }
    }
}

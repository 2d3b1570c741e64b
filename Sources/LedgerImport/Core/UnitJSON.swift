import LedgerCore

/// Parses one unit's bytes with the strict parser, turning its error into an ``ImportError`` whose byte offset is
/// absolute in the input.
enum UnitJSON {
    static func parse(_ unit: FramedUnit, limits: ImportLimits) throws(ImportError) -> JSONValue {
        do {
            return try JSONParser(limits: limits.json).parse(unit.bytes)
        } catch {
            throw importError(error, in: unit.location)
        }
    }

    /// Parses a JSON text found inside a string field (zca-js sometimes sends a group event's `data`, and the OA
    /// receiver log its `body`, as a string).
    static func parse(_ text: String, at field: Field, limits: ImportLimits) throws(ImportError) -> JSONValue {
        do {
            return try JSONParser(limits: limits.json).parse(text)
        } catch {
            let inner = importError(error, in: field.location)
            throw field.error("holds a JSON text that is refused: \(error.path): \(inner.reason)")
        }
    }

    /// `duplicate key "id"` at `$.payload.data`, with the offset made absolute.
    static func importError(_ error: JSONError, in location: SourceLocation) -> ImportError {
        var reason = error.message
        if let range = reason.firstRange(of: " at byte \(error.byteOffset) in \(error.path)") {
            reason.removeSubrange(range)
        }
        return ImportError(location, field: error.path, byteOffset: location.byteOffset + error.byteOffset, reason)
    }
}

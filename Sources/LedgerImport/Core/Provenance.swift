import LedgerCore

/// The `data.source` object of an imported event: `{format, file_sha256, line|element|row}` (see `docs/EVENTS.md`),
/// plus `signature: "verified"` for an OA webhook body whose MAC was checked.
enum Provenance {
    static func object(
        format: ImportFormat,
        source: ImportSource,
        location: SourceLocation,
        extra: [(key: String, value: JSONValue)] = []
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("format", .string(format.rawValue))]
        if let digest = source.fileSHA256 {
            members.append(("file_sha256", .string(digest)))
        } else {
            members.append(("stream", .string(source.name)))
        }
        members.append((location.unit.rawValue, .number(JSONNumber(location.number))))
        return .object(JSONObject(members: EventDraft.sorted(members + extra)))
    }
}

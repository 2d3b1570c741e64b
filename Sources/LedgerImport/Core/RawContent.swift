import LedgerCore

/// The raw source object an unknown or unmapped platform event keeps in its erasable `content.raw`, without the
/// avatar URLs Zalo puts in it (personal data the ledger has no purpose for, `domain-zalo.md` §10.4).
enum RawContent {
    static let droppedKeys: Set<String> = ["avatar", "avatar_25", "avt", "fullAvt", "thumb", "thumbnail"]

    static func strip(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let kept = object.members.filter { !droppedKeys.contains($0.key) }.map { ($0.key, strip($0.value)) }
            return .object(JSONObject(members: kept.map { (key: $0.0, value: $0.1) }))
        case .array(let items):
            return .array(items.map(strip))
        default:
            return value
        }
    }
}

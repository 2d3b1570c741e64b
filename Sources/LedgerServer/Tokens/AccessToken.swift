public import LedgerCore

/// One entry of the token file: a named bearer token, of which only the SHA-256 is kept.
public struct AccessToken: Sendable, Equatable {
    /// The name the access log shows for requests made with the token; unique in the file.
    public let name: String
    public let role: TokenRole
    /// The SHA-256 of the token's bytes.
    public let digest: Hash
    /// When the token was made (RFC 3339, UTC).
    public let created: String
    /// When it was revoked, if it was; a revoked token is refused with 401.
    public var revoked: String?

    public init(name: String, role: TokenRole, digest: Hash, created: String, revoked: String? = nil) {
        self.name = name
        self.role = role
        self.digest = digest
        self.created = created
        self.revoked = revoked
    }

    /// The entry as one line of the token file.
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name)), ("role", .string(role.rawValue)), ("sha256", .string(digest.hex)),
            ("created", .string(created)),
        ]
        if let revoked { members.append(("revoked", .string(revoked))) }
        return .object(JSONObject(members: members))
    }

    /// Reads an entry back; `nil` when the line is not one.
    init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue,
            let role = json["role"]?.stringValue.flatMap(TokenRole.init(rawValue:)),
            let digest = json["sha256"]?.stringValue.flatMap({ Hash(hex: $0) }),
            let created = json["created"]?.stringValue
        else { return nil }
        self.init(name: name, role: role, digest: digest, created: created, revoked: json["revoked"]?.stringValue)
    }

    /// Whether `presented` (the SHA-256 of a presented token) is this token's, compared in constant time.
    func matches(_ presented: Hash) -> Bool {
        let (a0, a1, a2, a3) = digest.words
        let (b0, b1, b2, b3) = presented.words
        return ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3)) == 0
    }
}

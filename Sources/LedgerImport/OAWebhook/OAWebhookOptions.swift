/// How `oa-webhook` input is checked.
public struct OAWebhookOptions: Sendable, Hashable {
    /// The OA secret key. When set, every line must be `{"signature", "body"}` and its MAC must match.
    public var secret: [UInt8]?
    /// When set, every body's `app_id` must be this app's id.
    public var appID: String?

    public init(secret: [UInt8]? = nil, appID: String? = nil) {
        self.secret = secret
        self.appID = appID
    }
}

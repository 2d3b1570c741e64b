/// The Zalo Web store's numeric `msgType` (`domain-zalo.md` §6.4, from export-msg's `constants.js`).
enum ZaloWebMessageType {
    /// The recall marker: the store replaces a recalled message in place, keeping its `msgId`.
    static let recall: Int64 = 20
    /// "Deleted for everyone".
    static let deletedForEveryone: Int64 = -27

    /// The catalogue kind of a message type, or `nil` for a notice (negative types), which is not a post.
    static func kind(_ msgType: Int64, action: String?) -> String? {
        switch msgType {
        case 0: "link"
        case 1: "text"
        case 2, 5, 11: "photo"
        case 3: "voice"
        case 4, 13: "sticker"
        case 6: action?.contains("link") == true ? "link" : "contact"
        case 7: "gif"
        case 17: "location"
        case 18: "video"
        case 19: "file"
        case 26: "poll"
        case ..<0: nil
        default: "other"
        }
    }
}

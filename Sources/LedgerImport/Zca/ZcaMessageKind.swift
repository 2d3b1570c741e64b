/// The catalogue's post kind for a zca-js `msgType` string (`getClientMessageType` in zca-js `utils.ts`).
enum ZcaMessageKind {
    static func kind(msgType: String, action: String?) -> String {
        switch msgType {
        case "webchat": "text"
        case "chat.photo", "chat.doodle": "photo"
        case "chat.voice": "voice"
        case "chat.sticker": "sticker"
        case "chat.gif": "gif"
        case "chat.video.msg": "video"
        case "share.file": "file"
        case "chat.location.new": "location"
        case "chat.link": "link"
        case "chat.recommended": action?.contains("user") == true ? "contact" : "link"
        case "group.poll", "chat.poll": "poll"
        default: "other"
        }
    }
}

/// What the OA webhook's `event_name`s mean to the ledger.
enum OAEventNames {
    /// The catalogue kind for the suffix of `user_send_group_*` / `oa_send_group_*`.
    static let kinds: [String: String] = [
        "text": "text", "image": "photo", "link": "link", "audio": "voice", "location": "location", "video": "video",
        "business_card": "contact", "sticker": "sticker", "gif": "gif", "file": "file",
    ]

    /// GMF group events whose body shape is not publicly documented (`domain-zalo.md` §12): kept as
    /// `group.platform_event` with their raw body until a real sample shows which field names whom.
    static let groupManagement: Set<String> = [
        "create_group", "delete_group", "update_group_info", "add_group_admin", "remove_group_admin",
        "user_request_join_group", "accept_request_join_group", "reject_request_join_group",
    ]

    /// Events of 1:1 chats with the OA and of its follower management: outside the ledger's purpose.
    static let oneToOne: Set<String> = [
        "follow", "unfollow", "user_click_chatnow", "user_seen_message", "user_received_message",
        "user_reacted_message", "oa_reacted_message", "update_user_info", "user_submit_info", "add_user_to_tag",
        "remove_user_from_tag", "remove_tag", "user_withdraw", "user_click_button", "user_click_link",
    ]

    /// The group message kind when `name` is `user_send_group_*` or `oa_send_group_*`.
    static func groupMessageKind(_ name: String) -> String? {
        for prefix in ["user_send_group_", "oa_send_group_"] where name.hasPrefix(prefix) {
            return kinds[String(name.dropFirst(prefix.count))] ?? "other"
        }
        return nil
    }

    static func isOneToOne(_ name: String) -> Bool {
        oneToOne.contains(name) || name.hasPrefix("user_send_") || name.hasPrefix("oa_send_")
            || name.hasPrefix("anonymous_")
    }
}

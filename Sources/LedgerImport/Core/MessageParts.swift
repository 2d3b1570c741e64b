import LedgerCore

/// The parts of a Zalo message the catalogue's `post.created` keeps, read from the fields zca-js and the Zalo Web
/// store share: `content` (text, or an attachment object), `mentions` (UTF-16 offsets into the text) and `quote`.
struct MessageParts {
    var text = ""
    var attachments: [JSONValue] = []
    var mentions: [JSONValue] = []
    var quote: String?
    var quotedText: String?
    /// The attachment's `action` (`recommened.user` for a contact card), which tells contacts from links.
    var action: String?

    /// Reads the parts.
    ///
    /// - Parameter uid: reads an account id (the caller replaces `"0"` by the capture account).
    /// - Throws: when a part has the wrong shape, or a mention does not fit inside the text.
    init(
        content: Field,
        mentions mentionList: Field,
        quote quoteField: Field,
        uid: (Field) throws(ImportError) -> String
    ) throws(ImportError) {
        switch content.value {
        case .string(let string)?:
            text = string
        case .object?:
            let title = try content["title"].optionalText() ?? ""
            let description = try content["description"].optionalText() ?? ""
            let place = try content["desc"].optionalText() ?? ""
            var href = ""
            for key in ["href", "oriUrl", "hdUrl", "normalUrl"] where href.isEmpty {
                href = try content[key].optionalText() ?? ""
            }
            action = try content["action"].optionalText()
            text = !title.isEmpty ? title : place
            var attachment: [(key: String, value: JSONValue)] = []
            if !title.isEmpty || !place.isEmpty { attachment.append(("title", .string(text))) }
            if !href.isEmpty { attachment.append(("href", .string(href))) }
            if !description.isEmpty { attachment.append(("description", .string(description))) }
            if !attachment.isEmpty { attachments = [.object(JSONObject(members: attachment))] }
        case nil, .null?:
            break
        default:
            throw content.error("must be text or an attachment object, found \(content.value!.kindName)")
        }
        let length = text.utf16.count
        for item in try mentionList.optionalArray() {
            let pos = try item["pos"].integer()
            let len = try item["len"].integer()
            guard pos >= 0, len >= 0, pos <= length, len <= Int64(length) - pos else {
                throw item.error(
                    "mention at UTF-16 offset \(pos) with length \(len) does not fit in the text of \(length) "
                        + "UTF-16 code units"
                )
            }
            mentions.append(
                [
                    "account": .string(try uid(item["uid"])), "pos": .number(JSONNumber(pos)),
                    "len": .number(JSONNumber(len)),
                ]
            )
        }
        if quoteField.isPresent {
            _ = try quoteField.object()
            quote = try quoteField["globalMsgId"].optionalIdentifier()
            quotedText = try quoteField["msg"].optionalText()
        }
    }

    /// Adds the parts to a `post.created` draft.
    func apply(to draft: inout EventDraft) {
        if !mentions.isEmpty { draft.set("mentions", .array(mentions)) }
        if let quote { draft.set("quote", .string(quote)) }
        draft.setContent("text", .string(text))
        if !attachments.isEmpty { draft.setContent("attachments", .array(attachments)) }
        if let quotedText, !quotedText.isEmpty { draft.setContent("quoted_text", .string(quotedText)) }
    }
}

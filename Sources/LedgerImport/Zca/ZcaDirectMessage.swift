import GroupDomain
import LedgerCore

/// The direct path for the commonest line of a capture, a group message with text content (with mentions, or a
/// quote when it is a reply): it maps
/// the line's
/// bytes to the `post.created` event's canonical bytes through a ``JSONTape``, with no JSON tree, no draft and no
/// second serialization.
///
/// It gives exactly the event ``ZcaDecoder/message(_:line:)`` gives, or declines the line (`nil`), and the general
/// path then maps it. It declines whenever a line is not plainly valid: anything the tape does not index, a
/// member or value the general path would refuse or read in a way this path does not (an attachment, a 1:1 chat, ids or labels outside printable ASCII, an id past the length limit), so every error
/// still comes from the general path. `ZcaDirectMessageTests` and the FuzzZca target compare both paths.
struct ZcaDirectMessage {
    /// `{"file_sha256":"…","format":"zca","line":` (or without the digest, for a stream).
    private let provenanceHead: [UInt8]
    /// `}` (or `,"stream":"…"}`).
    private let provenanceTail: [UInt8]
    private let limits: JSONLimits
    /// The chain's last bytes: the end of `time`, then `"type":"post.created"` and the envelope's `}`.
    private static let typeAndEnd = Array((#"","type":""# + EventType.postCreated.rawValue + #""}"#).utf8)

    init(source: ImportSource, limits: ImportLimits) {
        self.limits = limits.json
        var head = Array(#"{"#.utf8)
        var tail: [UInt8] = []
        if let digest = source.fileSHA256 {
            head += #""file_sha256":"#.utf8
            JCS.serialize(digest, into: &head)
            head += #","#.utf8
        } else {
            tail += #","stream":"#.utf8
            JCS.serialize(source.name, into: &tail)
        }
        head += #""format":"zca","line":"#.utf8
        tail += "}".utf8
        provenanceHead = head
        provenanceTail = tail
    }

    /// The event of `unit`, or `nil` when the line is not one this path maps; `sha` hashes the event's id.
    func outcome(of unit: FramedUnit, sha: SHA256) -> ImportOutcome? {
        unit.bytes.withUnsafeBytes { bytes in
            JSONTape.index(bytes, limits: limits) { tape in
                guard let tape, let event = event(tape, line: unit.location.number, sha: sha) else { return nil }
                return .events([event], unit.location)
            }
        }
    }

    private func event(_ tape: JSONTape, line: Int, sha: SHA256) -> PreparedEvent? {
        // The capture line: {"event": "message", "payload", "account", "time"?, "session"?}.
        var members: (event: Int?, payload: Int?, account: Int?, time: Int?, session: Int?)
        guard tape[0].kind == .object else { return nil }
        for key in tape.keys(of: 0) {
            if tape.isString(key, equalTo: "event") {
                members.event = key + 1
            } else if tape.isString(key, equalTo: "payload") {
                members.payload = key + 1
            } else if tape.isString(key, equalTo: "account") {
                members.account = key + 1
            } else if tape.isString(key, equalTo: "time") {
                members.time = key + 1
            } else if tape.isString(key, equalTo: "session") {
                members.session = key + 1
            } else {
                return nil
            }
        }
        guard let event = members.event, tape.isString(event, equalTo: "message"),
            let account = members.account.flatMap({ zaloId(tape, $0) })
        else { return nil }
        if let time = members.time, tape[time].kind != .null {
            guard let millis = integer(tape, time), (0...ZaloTime.latestMillis).contains(millis) else { return nil }
        }
        if let session = members.session, tape[session].kind != .null {
            guard printableASCII(tape, session, allowsEmpty: true) != nil else { return nil }
        }

        // The listener's GroupMessage: {type: 1, data: {msgId, idTo, msgType, ts, uidFrom, content, …}}.
        guard let payload = members.payload, tape[payload].kind == .object,
            let type = tape.member("type", of: payload), isOne(tape, type),
            let data = tape.member("data", of: payload), tape[data].kind == .object,
            let msgId = tape.member("msgId", of: data).flatMap({ zaloId(tape, $0) }),
            let groupId = tape.member("idTo", of: data).flatMap({ zaloId(tape, $0) }),
            let msgType = tape.member("msgType", of: data).flatMap({ printableASCII(tape, $0, allowsEmpty: true) }),
            let ts = tape.member("ts", of: data).flatMap({ integer(tape, $0) }),
            let actor = tape.member("uidFrom", of: data).flatMap({ zaloId(tape, $0) }),
            let content = tape.member("content", of: data), tape[content].kind == .string
        else { return nil }
        var client: UnsafeRawBufferPointer?
        if let cliMsgId = tape.member("cliMsgId", of: data), !isAbsent(tape, cliMsgId) {
            guard let id = optionalIdentifier(tape, cliMsgId) else { return nil }
            client = id.isEmpty ? nil : id
        }
        // A reply: `quote.globalMsgId` (an optional id) and `quote.msg` (optional text).
        var quote: (id: UnsafeRawBufferPointer?, text: Int?)
        if let quoted = tape.member("quote", of: data), !isAbsent(tape, quoted) {
            guard tape[quoted].kind == .object else { return nil }
            if let id = tape.member("globalMsgId", of: quoted), !isAbsent(tape, id) {
                guard let digits = optionalIdentifier(tape, id) else { return nil }
                quote.id = digits.isEmpty ? nil : digits
            }
            if let text = tape.member("msg", of: quoted), !isAbsent(tape, text) {
                guard tape[text].kind == .string else { return nil }
                quote.text = tape.raw(text).isEmpty ? nil : text
            }
        }
        var displayName: Int?
        if let dName = tape.member("dName", of: data), !isAbsent(tape, dName) {
            guard tape[dName].kind == .string else { return nil }
            displayName = tape.raw(dName).isEmpty ? nil : dName
        }
        let kind = ZcaMessageKind.kind(msgType: String(decoding: msgType, as: UTF8.self), action: nil)
        // The event's limits: ids of at most 256 bytes (a longer one is hashed by the general path).
        let maxId = EnvelopeRules.maxIdentifierBytes
        guard "zca:".utf8.count + groupId.count + 1 + msgId.count <= maxId, "g-".utf8.count + groupId.count <= maxId
        else { return nil }
        var text: [UInt8] = []
        tape.decodeString(content, into: &text)

        var chain: [UInt8] = []
        chain.reserveCapacity(384 + provenanceHead.count)
        chain += #"{"actor":""#.utf8
        chain += uid(actor, account: account)
        chain += #"","data":{"#.utf8
        if let client {
            chain += #""client_message":""#.utf8
            chain += client
            chain += #"","#.utf8
        }
        chain += #""kind":"#.utf8
        JCS.serialize(kind, into: &chain)
        chain += ",".utf8
        if let mentions = tape.member("mentions", of: data) {
            guard appendMentions(tape, mentions, account: account, textLength: utf16Count(text), to: &chain) else {
                return nil
            }
        }
        chain += #""message":""#.utf8
        chain += msgId
        if let id = quote.id {
            chain += #"","quote":""#.utf8
            chain += id
        }
        chain += #"","source":"#.utf8
        chain += provenanceHead
        chain += String(line).utf8
        chain += provenanceTail
        chain += #","source_kind":""#.utf8
        chain += msgType
        chain += #""},"group":"g-"#.utf8
        chain += groupId
        chain += #"","id":""#.utf8
        let idStart = chain.count
        chain += "zca:".utf8
        chain += groupId
        chain += ":".utf8
        chain += msgId
        let id = String(decoding: chain[idStart...], as: UTF8.self)
        let idHash = chain.withUnsafeBytes { sha.hash(UnsafeRawBufferPointer(rebasing: $0[idStart...])) }
        chain += #"","time":""#.utf8
        guard ZaloTime.append(millis: ts, to: &chain) else { return nil }
        chain += Self.typeAndEnd

        var contentBytes: [UInt8] = []
        contentBytes.reserveCapacity(text.count + 32)
        contentBytes += "{".utf8
        /// `"key":"…",` for a string of the line, when there is one.
        func appendMember(_ key: String, _ string: Int?) {
            guard let string else { return }
            var decoded: [UInt8] = []
            tape.decodeString(string, into: &decoded)
            JCS.serialize(key, into: &contentBytes)
            contentBytes += ":".utf8
            decoded.withUnsafeBytes { JCS.serializeString(utf8: $0, into: &contentBytes) }
            contentBytes += ",".utf8
        }
        appendMember("display_name", displayName)
        appendMember("quoted_text", quote.text)
        contentBytes += #""text":"#.utf8
        text.withUnsafeBytes { JCS.serializeString(utf8: $0, into: &contentBytes) }
        contentBytes += "}".utf8
        guard chain.count <= Record.maxEnvelopeSize, contentBytes.count <= EnvelopeRules.maxContentBytes else {
            return nil
        }
        return PreparedEvent(checkedID: id, chainBytes: chain, contentBytes: contentBytes, idHash: idHash)
    }

    /// Appends `"mentions":[{"account","len","pos"},…],` for a non-empty list (`MessageParts`); `true` with nothing
    /// appended for `null` or `[]`; `false` when a mention is not plainly valid.
    private func appendMentions(
        _ tape: JSONTape,
        _ list: Int,
        account: UnsafeRawBufferPointer,
        textLength: Int,
        to out: inout [UInt8]
    ) -> Bool {
        if tape[list].kind == .null { return true }
        guard tape[list].kind == .array else { return false }
        let end = Int(tape[list].next)
        var item = list + 1
        guard item < end else { return true }
        out += #""mentions":["#.utf8
        while item < end {
            guard tape[item].kind == .object,
                let mentioned = tape.member("uid", of: item).flatMap({ zaloId(tape, $0) }),
                let pos = tape.member("pos", of: item).flatMap({ integer(tape, $0) }),
                let len = tape.member("len", of: item).flatMap({ integer(tape, $0) }),
                pos <= textLength, len <= Int64(textLength) - pos
            else { return false }
            if item > list + 1 { out += ",".utf8 }
            out += #"{"account":""#.utf8
            out += uid(mentioned, account: account)
            out += #"","len":"#.utf8
            out += String(len).utf8
            out += #","pos":"#.utf8
            out += String(pos).utf8
            out += "}".utf8
            item = Int(tape[item].next)
        }
        out += "],".utf8
        return true
    }

    /// An account id, with zca's `"0"` (the logged-in account) replaced by the capture account.
    private func uid(_ id: UnsafeRawBufferPointer, account: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        id.count == 1 && id[0] == UInt8(ascii: "0") ? account : id
    }

    /// The length of well-formed UTF-8 `text` in UTF-16 code units, which mention offsets count.
    private func utf16Count(_ text: [UInt8]) -> Int {
        var count = 0
        for byte in text where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }

    /// A Zalo id (`Field.zaloId()`): a string of 1 to 256 ASCII digits, or a non-negative integer.
    private func zaloId(_ tape: JSONTape, _ index: Int) -> UnsafeRawBufferPointer? {
        let entry = tape[index]
        guard entry.kind == .string && !entry.isEscaped || entry.kind == .number else { return nil }
        let digits = tape.raw(index)
        guard !digits.isEmpty, digits.count <= EnvelopeRules.maxIdentifierBytes,
            digits.allSatisfy({ (48...57).contains($0) })
        else { return nil }
        return digits
    }

    /// An optional id (`Field.optionalIdentifier()`): empty for `""`; a string of printable ASCII, or a
    /// non-negative integer.
    private func optionalIdentifier(_ tape: JSONTape, _ index: Int) -> UnsafeRawBufferPointer? {
        if tape[index].kind == .number { return zaloId(tape, index) }
        guard let text = printableASCII(tape, index, allowsEmpty: true),
            text.count <= EnvelopeRules.maxIdentifierBytes
        else { return nil }
        return text
    }

    /// A string of printable ASCII (U+0020–U+007E) without escapes: it passes every hidden-character check.
    private func printableASCII(_ tape: JSONTape, _ index: Int, allowsEmpty: Bool) -> UnsafeRawBufferPointer? {
        let entry = tape[index]
        guard entry.kind == .string, !entry.isEscaped else { return nil }
        let text = tape.raw(index)
        guard allowsEmpty || !text.isEmpty, text.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return text
    }

    /// A non-negative integer (`Field.integer()`): 1 to 18 digits, as a string or an integer.
    private func integer(_ tape: JSONTape, _ index: Int) -> Int64? {
        let entry = tape[index]
        guard entry.kind == .string && !entry.isEscaped || entry.kind == .number else { return nil }
        let digits = tape.raw(index)
        guard (1...18).contains(digits.count) else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard (48...57).contains(digit) else { return nil }
            value = value * 10 + Int64(digit - 48)
        }
        return value
    }

    /// `payload.type` is 1 (ThreadType.Group), as an integer or a string.
    private func isOne(_ tape: JSONTape, _ index: Int) -> Bool {
        let entry = tape[index]
        return (entry.kind == .number || entry.kind == .string && !entry.isEscaped)
            && tape.raw(index).elementsEqual(
                "1".utf8
            )
    }

    private func isAbsent(_ tape: JSONTape, _ index: Int?) -> Bool {
        guard let index else { return true }
        return tape[index].kind == .null
    }
}

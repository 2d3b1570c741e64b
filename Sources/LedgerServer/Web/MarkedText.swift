import LedgerCore

/// A stored text cut into pieces around the spans a rule matched, for `<mark>`: each piece is `text` (escaped by
/// the template like any value) with `marked` true for a matched span. Spans are UTF-8 byte ranges into the text
/// exactly as stored; overlapping spans are merged, and a span outside the text is left out.
enum MarkedText {
    /// The pieces of `text` with `spans` marked.
    static func pieces(of text: String, spans: [Range<Int>]) -> [[String: Any]] {
        let bytes = Array(text.utf8)
        var merged: [Range<Int>] = []
        for span in spans.filter({ $0.lowerBound >= 0 && $0.upperBound <= bytes.count && !$0.isEmpty })
            .sorted(by: { $0.lowerBound < $1.lowerBound })
        {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var pieces: [[String: Any]] = []
        var position = 0
        func add(_ range: Range<Int>, marked: Bool) {
            guard !range.isEmpty else { return }
            pieces.append(["text": String(decoding: bytes[range], as: UTF8.self), "marked": marked])
        }
        for span in merged {
            add(position..<span.lowerBound, marked: false)
            add(span, marked: true)
            position = span.upperBound
        }
        add(position..<bytes.count, marked: false)
        return pieces
    }

    /// The text of a span's `field` in a post's content: `text`, or `attachments[N].title` (`href`,
    /// `description`); `nil` when the content has no such text.
    static func field(_ field: String, in content: JSONValue) -> String? {
        if field == "text" { return content["text"]?.stringValue }
        let prefix = "attachments["
        guard field.hasPrefix(prefix), let close = field.firstIndex(of: "]") else { return nil }
        let number = field[field.index(field.startIndex, offsetBy: prefix.count)..<close]
        let rest = field[field.index(after: close)...]
        guard let position = Int(number), rest.hasPrefix("."),
            let attachments = content["attachments"]?.arrayValue, attachments.indices.contains(position)
        else { return nil }
        return attachments[position][String(rest.dropFirst())]?.stringValue
    }
}

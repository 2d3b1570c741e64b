/// The media types a body may be sent as, by what it holds (`docs/HTTP.md`).
enum BodyType {
    /// JSON Lines (envelopes, zca captures): `application/x-ndjson`, `application/jsonl`, or `application/json`
    /// (what `curl --json` sends; the body is still one JSON value per line).
    static let jsonLines: Set<String> = ["application/x-ndjson", "application/jsonl", "application/json"]
    /// One JSON document (a Zalo Web store export, a Zalo OA delivery).
    static let json: Set<String> = ["application/json"]
    /// A roster spreadsheet saved as CSV.
    static let csv: Set<String> = ["text/csv"]

    /// Whether a `Content-Type` value names one of `accepted` (case-insensitive), with no charset but UTF-8.
    ///
    /// Read as bytes: it runs once per request, and a header is ASCII (anything else is refused).
    static func accepts(_ header: String?, _ accepted: Set<String>) -> Bool {
        guard let header else { return false }
        let parts = Array(header.utf8).split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard let type = parts.first.flatMap({ lowercasedASCII(trimmed($0)) }), accepted.contains(type) else {
            return false
        }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard lowercasedASCII(trimmed(pair[0])) == "charset" else { continue }
            guard pair.count == 2, lowercasedASCII(trimmed(trimmed(pair[1]), of: UInt8(ascii: "\""))) == "utf-8" else {
                return false
            }
        }
        return true
    }

    /// The list of `accepted` for a message.
    static func list(_ accepted: Set<String>) -> String { accepted.sorted().joined(separator: ", ") }

    /// `bytes` without leading and trailing spaces and tabs (or `byte`s).
    private static func trimmed(_ bytes: ArraySlice<UInt8>, of byte: UInt8? = nil) -> ArraySlice<UInt8> {
        let strip: (UInt8) -> Bool = { candidate in
            byte.map { candidate == $0 } ?? (candidate == 0x20 || candidate == 0x09)
        }
        var slice = bytes
        while let first = slice.first, strip(first) { slice = slice.dropFirst() }
        while let last = slice.last, strip(last) { slice = slice.dropLast() }
        return slice
    }

    /// The ASCII text of `bytes` in lower case; `nil` if a byte is not ASCII.
    private static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: bytes.map { (0x41...0x5a).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

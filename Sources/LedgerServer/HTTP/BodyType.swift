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
    static func accepts(_ header: String?, _ accepted: Set<String>) -> Bool {
        guard let header else { return false }
        let parts = header.split(separator: ";")
        guard let type = parts.first.map({ $0.trimmingSpaces().lowercased() }), accepted.contains(type) else {
            return false
        }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces().lowercased() }
            if pair.first == "charset", pair.last?.trimmingQuotes() != "utf-8" { return false }
        }
        return true
    }

    /// The list of `accepted` for a message.
    static func list(_ accepted: Set<String>) -> String { accepted.sorted().joined(separator: ", ") }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    fileprivate func trimmingQuotes() -> String {
        String(drop { $0 == "\"" }.reversed().drop { $0 == "\"" }.reversed())
    }
}

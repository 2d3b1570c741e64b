import Foundation
import LedgerCore
import LedgerImport

/// The importer fixtures in `Fixtures/import/` of this package.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/import")

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)!)
    }
}

/// What a decoder made of an input, sorted by kind.
struct Decoded {
    var events: [EventEnvelope] = []
    var rejected: [ImportError] = []
    var skipped: [String] = []
    var units = 0

    init(_ outcomes: [ImportOutcome]) {
        for outcome in outcomes {
            units += 1
            switch outcome {
            case .events(let more, _): events += more.map { try! $0.envelope() }
            case .rejected(let error): rejected.append(error)
            case .skipped(_, let reason): skipped.append(reason)
            }
        }
    }

    func events(ofType type: String) -> [EventEnvelope] { events.filter { $0.type == type } }
}

extension SourceDecoder {
    /// Feeds `bytes` in chunks of `chunk` bytes (all at once when `nil`), then ends the input.
    mutating func decode(_ bytes: [UInt8], chunk: Int? = nil) -> Decoded {
        var outcomes: [ImportOutcome] = []
        let size = max(chunk ?? bytes.count, 1)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            outcomes += bytes[start..<end].withUnsafeBytes { consume($0) }
            start = end
        }
        outcomes += finish()
        return Decoded(outcomes)
    }
}

extension EventEnvelope {
    /// `data.key` as a string, for assertions.
    func data(_ key: String) -> JSONValue? { data?[key] }

    func content(_ key: String) -> JSONValue? { content?[key] }
}

/// One zca capture line.
func zcaLine(_ event: String, _ payload: String, extra: String = "") -> String {
    #"{"event":"\#(event)","payload":\#(payload),"account":"7301000000000000002"\#(extra)}"#
}

/// A group message payload whose `data` members are `fields` (a JSON object body without braces).
func zcaMessage(_ fields: String) -> String {
    #"{"type":1,"data":{"msgId":"6001","cliMsgId":"1","msgType":"webchat","uidFrom":"7301000000000000001","#
        + #""idTo":"7301128844556677001","dName":"An","ts":"1762130712000","content":"xin chào"\#(fields)},"#
        + #""threadId":"7301128844556677001","isSelf":false}"#
}

import LedgerCore

/// Everything a witness remembers, `state.json`: for each log origin, a ``WitnessLogState``.
///
/// The file is one RFC 8785 canonical JSON object followed by a newline:
///
///     {"format":"groupledger-witness-state/1",
///      "logs":[{"checkpoint":"<signed note>","log_keys":["<vkey>",…],"origin":"<origin>"},…]}
///
/// with the logs in bytewise order of their origins. A witness that has cosigned nothing has no file.
public struct WitnessState: Sendable, Hashable {
    /// The value of the `format` member.
    static let format = "groupledger-witness-state/1"

    /// The logs by origin.
    public private(set) var logs: [String: WitnessLogState]

    /// A state that remembers no log.
    public init() { logs = [:] }

    /// The logs in bytewise order of their origins.
    public var sortedLogs: [WitnessLogState] {
        logs.values.sorted { $0.origin.utf8.lexicographicallyPrecedes($1.origin.utf8) }
    }

    /// Records `log`, replacing what was remembered about its origin.
    mutating func record(_ log: WitnessLogState) {
        logs[log.origin] = log
    }

    /// The file contents.
    func encoded() -> [UInt8] {
        let logs: [JSONValue] = sortedLogs.map { log in
            .object(
                JSONObject(members: [
                    ("origin", .string(log.origin)),
                    ("log_keys", .array(log.logKeys.map { .string($0) })),
                    ("checkpoint", .string(String(decoding: log.note.format(), as: UTF8.self))),
                ])
            )
        }
        let root = JSONValue.object(JSONObject(members: [("format", .string(Self.format)), ("logs", .array(logs))]))
        return JCS.serialize(root) + [0x0A]
    }

    /// Parses the file contents; any inconsistency is `.corrupt`, since a witness that misreads what it
    /// cosigned could be made to cosign a fork.
    static func decode(_ bytes: [UInt8], file: String) throws(LedgerError) -> WitnessState {
        func damaged(_ what: String) -> LedgerError {
            LedgerError(
                .corrupt,
                "\(file) is damaged: \(what); do not cosign until it is restored from a backup, since a witness "
                    + "that forgets what it cosigned can be made to cosign a fork"
            )
        }
        let root: JSONValue
        do {
            root = try JSONParser().parse(bytes)
        } catch {
            throw damaged("\(error)")
        }
        guard root["format"]?.stringValue == format else { throw damaged("its format is not \(format)") }
        guard let entries = root["logs"]?.arrayValue else { throw damaged("it has no logs array") }
        var state = WitnessState()
        for (index, entry) in entries.enumerated() {
            guard let origin = entry["origin"]?.stringValue,
                let keyValues = entry["log_keys"]?.arrayValue,
                let text = entry["checkpoint"]?.stringValue
            else { throw damaged("log \(index) lacks origin, log_keys or checkpoint") }
            let keys = keyValues.compactMap(\.stringValue)
            guard state.logs[origin] == nil else { throw damaged("origin \(origin) appears twice") }
            guard !keys.isEmpty, keys.count == keyValues.count,
                keys.allSatisfy({ (try? Ed25519NoteVerifier(vkey: $0)) != nil })
            else {
                throw damaged("the log keys of \(origin) are not Ed25519 verifier keys")
            }
            let log: WitnessLogState
            do {
                let note = try Note.parse(Array(text.utf8))
                guard try Checkpoint(note: note).origin == origin else {
                    throw damaged("the checkpoint recorded for \(origin) is of another origin")
                }
                log = try WitnessLogState(origin: origin, logKeys: keys, note: note)
            } catch let error as LedgerError {
                throw error
            } catch {
                throw damaged("the checkpoint recorded for \(origin): \(error)")
            }
            state.record(log)
        }
        return state
    }
}

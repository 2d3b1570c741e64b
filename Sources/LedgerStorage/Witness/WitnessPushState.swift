import LedgerCore

/// What a ``WitnessPool`` remembers between rounds, `witnesses/state.json` in the ledger directory: per witness
/// (by cosignature verifier key), the size it last cosigned or reported in a 409.
///
///     {"format":"groupledger-witness-push/1","witnesses":[{"size":<n>,"vkey":"<cosignature vkey>"},…]}
///
/// one RFC 8785 canonical JSON object and a newline, witnesses in bytewise order of their keys. The sizes are
/// hints: a wrong one costs one 409 and its retry, so the witness, not this file, is the authority.
struct WitnessPushState: Sendable, Hashable {
    static let format = "groupledger-witness-push/1"

    /// Sizes by witness verifier key.
    var sizes: [String: UInt64] = [:]

    func encoded() -> [UInt8] {
        let witnesses: [JSONValue] = sizes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { vkey in
            .object(JSONObject(members: [("vkey", .string(vkey)), ("size", .number(JSONNumber(sizes[vkey]!)))]))
        }
        let root = JSONObject(members: [("format", .string(Self.format)), ("witnesses", .array(witnesses))])
        return JCS.serialize(.object(root)) + [0x0A]
    }

    static func decode(_ bytes: [UInt8], file: String) throws(LedgerError) -> WitnessPushState {
        func damaged(_ what: String) -> LedgerError {
            LedgerError(
                .corrupt,
                "\(file) is damaged: \(what). It holds only hints (the size each witness last cosigned); delete "
                    + "it and the witnesses' 409 answers will tell them again"
            )
        }
        let root: JSONValue
        do { root = try JSONParser().parse(bytes) } catch { throw damaged("\(error)") }
        guard root["format"]?.stringValue == format else { throw damaged("its format is not \(format)") }
        guard let entries = root["witnesses"]?.arrayValue else { throw damaged("it has no witnesses array") }
        var state = WitnessPushState()
        for (index, entry) in entries.enumerated() {
            guard let vkey = entry["vkey"]?.stringValue,
                let size = entry["size"]?.numberValue?.integerDigits.flatMap({ UInt64($0) })
            else {
                throw damaged("witness \(index) lacks a vkey or a size")
            }
            state.sizes[vkey] = size
        }
        return state
    }
}

// JSON parser, RFC 8785 serializer and event-envelope decoder: what `append` runs on every input line.
//
// Properties: a parsed value serialises to canonical bytes that parse back to the same canonical bytes; an
// accepted input event yields chain bytes that the stored-record decoder (used by `verify`, `log`, `show`)
// accepts and reads back as the same event (up to RFC 8785 number canonicalisation), so nothing `append`
// accepts can later look like damage; and no accepted event poses as one of the ledger's own (a `ledger.` type or
// a `ledger:` id in any case: SECURITY.md, event source). And `append`'s direct path for envelope lines gives, for
// every line, exactly the outcome of the general path: the same id and record and content bytes, or the same error.
import FuzzSupport
import GroupDomain
import LedgerCore
import LedgerImport

let parser = JSONParser()
let decoder = EnvelopeDecoder()

/// Each outcome of `bytes` read as envelope lines, as bytes: the event's id, record and content, or the error.
func outcomes(_ bytes: [UInt8], direct: Bool) -> [[UInt8]] {
    var lines = EnvelopeLinesDecoder(name: "fuzz.jsonl")
    lines.threads = 1
    lines.directPath = direct
    return lines.decodeAll(bytes).map { outcome in
        switch outcome {
        case .events(let events, let location):
            var bytes = Array("events \(location)".utf8)
            for event in events {
                let parts: [[UInt8]] = [Array(event.id.utf8), event.chainBytes, event.contentBytes ?? []]
                for part in parts { bytes += [0x0a] + part }
            }
            return bytes
        case .rejected(let error): return Array("rejected \(error)".utf8)
        case .skipped(let location, let reason): return Array("skipped \(location): \(reason)".utf8)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    Fuzz.require(
        outcomes(bytes, direct: true) == outcomes(bytes, direct: false),
        "the direct path for envelope lines gives other outcomes than the general path"
    )
    if let value = try? parser.parse(bytes) {
        let canonical = JCS.serialize(value)
        guard let again = try? parser.parse(canonical) else {
            Fuzz.violated("canonical JSON does not parse again")
        }
        Fuzz.require(JCS.serialize(again) == canonical, "JCS is not idempotent")
        Fuzz.require((try? JCS.canonicalize(bytes)) == canonical, "canonicalize disagrees with parse+serialize")
    }
    guard let event = try? decoder.decode(bytes, at: "fuzz line 1") else { return 0 }
    _ = try? EventCatalogue.validate(event, at: "fuzz line 1")
    Fuzz.require(
        EnvelopeRules.namespace(of: event.type) != EnvelopeRules.reservedNamespace
            && !event.id.lowercased().hasPrefix(EnvelopeRules.reservedIdPrefix),
        "an input event was accepted with a type or id reserved for the ledger's own events"
    )
    // No identifier with an invisible or reordering character, so that no account reads as another (D8).
    for identifier in [event.id, event.actor] + (event.group.map { [$0] } ?? []) {
        Fuzz.require(EnvelopeRules.identifierProblem(identifier) == nil, "an identifier with a hidden character")
    }
    let chain = event.canonicalChainBytes()
    Fuzz.require(chain.count <= Record.maxEnvelopeSize || bytes.count > Record.maxEnvelopeSize, "oversized chain")
    guard let stored = try? decoder.decodeStored(chain, seq: 1) else {
        Fuzz.violated("an accepted event's chain bytes are refused by the stored-record decoder")
    }
    // Numbers are stored canonically (RFC 8785: 1E2 becomes 100, -0 becomes 0), so compare canonical forms.
    Fuzz.require(
        stored.id == event.id && stored.type == event.type && stored.time == event.time && stored.actor == event.actor
            && stored.group == event.group && stored.data.map(JCS.serialize) == event.data.map(JCS.serialize)
            && stored.content == nil,
        "the stored envelope reads back as a different event"
    )
    Fuzz.require(stored.canonicalChainBytes() == chain, "chain bytes are not stable")
    if let content = event.canonicalContentBytes() {
        Fuzz.require((try? parser.parse(content)).map(JCS.serialize) == content, "content bytes are not canonical")
    }
    return 0
}

// Zalo Web message-store importer (`ZaloWebDecoder`): one JSON array of message objects, cut into elements by
// `JSONArrayFramer`, as `groupledger import --format zalo-web` reads it, with and without `--account`.
//
// Properties (see FuzzSupport/ImportProperties.swift): no crash or trap; deterministic and chunking-invariant
// outcomes, in element order, inside the input, each element that was read starting with `{`; every accepted event
// passes `append`'s checks and the stored-record decoder; ids do not depend on the input's name. Beyond those: the
// store owner's account only stands in for uid "0", so every element accepted without `--account` gives exactly the
// same outcome with it, and ids are the zca ids live capture gives (`zca:`, `zca-recall:`, `zca-removed:`) or
// `zalo-web:` for notices.
import FuzzSupport
import LedgerCore
import LedgerImport

let owner = "7301000000000000002"
let withAccount = ImportHarness(format: .zaloWeb, unit: .element) { source in
    ZaloWebDecoder(source: source, account: owner, limits: ImportHarness.limits)
}
let withoutAccount = ImportHarness(format: .zaloWeb, unit: .element) { source in
    ZaloWebDecoder(source: source, limits: ImportHarness.limits)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let outcomes = withAccount.check(bytes)
    for id in ImportHarness.eventIDs(outcomes) {
        Fuzz.require(
            ["zca:", "zca-recall:", "zca-removed:", "zalo-web:"].contains { id.hasPrefix($0) },
            "id \(id) is not a zca or zalo-web id"
        )
    }
    let anonymous = withoutAccount.decode(bytes)
    Fuzz.require(anonymous.count == outcomes.count, "--account changes how many outcomes the input gives")
    for (index, outcome) in anonymous.enumerated() {
        if case .rejected = outcome { continue }
        Fuzz.require(
            ImportHarness.fingerprint([outcome]) == ImportHarness.fingerprint([outcomes[index]]),
            "outcome \(index): an element accepted without --account gives something else with it"
        )
    }
    return 0
}

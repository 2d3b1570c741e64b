// zca capture importer (`ZcaDecoder`): JSON Lines of zca-js listener callbacks, as `groupledger import --format zca`
// reads them.
//
// Properties (see FuzzSupport/ImportProperties.swift): no crash or trap; decoding is deterministic and does not
// depend on how the input is cut into chunks; every non-blank line gives exactly one outcome, located on that line
// and inside the input; every accepted event passes `append`'s checks and the stored-record decoder; ids do not
// depend on the input's name. Beyond those: ids are zca ids (`zca:`, `zca-ge:`, `zca-seen:`, …) and do not depend
// on where the line is either (the input after a blank line gives the same ids), so a second import, or a backfill
// overlapping live capture, adds nothing; and the direct path for group text messages gives exactly the outcomes of
// the general path.
import FuzzSupport
import LedgerCore
import LedgerImport

let harness = ImportHarness(format: .zca, unit: .line) { source in
    ZcaDecoder(source: source, limits: ImportHarness.limits)
}
let generalOnly = ImportHarness(format: .zca, unit: .line) { source in
    var decoder = ZcaDecoder(source: source, limits: ImportHarness.limits)
    decoder.directPath = false
    return decoder
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let outcomes = harness.check(bytes)
    Fuzz.require(
        ImportHarness.fingerprint(generalOnly.decode(bytes)) == ImportHarness.fingerprint(outcomes),
        "the direct path gives other outcomes than the general path"
    )
    let ids = ImportHarness.eventIDs(outcomes)
    for id in ids {
        Fuzz.require(id.hasPrefix("zca:") || id.hasPrefix("zca-"), "id \(id) is not a zca id")
    }
    Fuzz.require(
        ImportHarness.eventIDs(harness.decode([0x0a] + bytes)) == ids,
        "after a blank line, the same lines give other ids"
    )
    return 0
}

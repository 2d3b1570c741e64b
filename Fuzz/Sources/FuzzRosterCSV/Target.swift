// Roster importer (`RosterCSVDecoder` over `CSVRecordReader`): a CSV roster of people and roles, as
// `groupledger import --format roster-csv --roster-time … --roster-actor …` reads it.
//
// Properties (see FuzzSupport/ImportProperties.swift): no crash or trap; deterministic and chunking-invariant
// outcomes (the rows are held and resolved at the end), each on a row inside the input; every accepted event
// passes `append`'s checks and the stored-record decoder; ids do not depend on the input's name. Beyond those: one
// roster never gives the same id twice; every event carries the roster's time and actor and is one of the roster's
// event types; an `admin.assigned` names who assigned the admin.
import FuzzSupport
import LedgerCore
import LedgerImport

let options = RosterOptions(time: Timestamp("2025-11-03T08:00:00+07:00")!, actor: "vp-office")
let harness = ImportHarness(format: .rosterCSV, unit: .row, inOrder: false) { source in
    RosterCSVDecoder(source: source, options: options, limits: ImportHarness.limits)
}
let types: Set<String> = ["person.registered", "account.bound", "head.assigned", "deputy.assigned", "admin.assigned"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    var ids = Set<String>()
    for case .events(let events, let location) in harness.check(bytes) {
        for event in events.map(ImportHarness.envelope) {
            Fuzz.require(ids.insert(event.id).inserted, "\(location): id \(event.id) a second time")
            Fuzz.require(
                event.time == options.time && event.actor == options.actor,
                "\(location): \(event.id) does not carry the roster's time and actor"
            )
            Fuzz.require(types.contains(event.type), "\(location): \(event.type) is not a roster event")
            Fuzz.require(
                event.type != "admin.assigned" || event.data?["assigned_by"]?.stringValue != nil,
                "\(location): an admin.assigned without assigned_by"
            )
        }
    }
    return 0
}

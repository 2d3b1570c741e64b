import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// `groupledger verify --envelopes` on a ledger whose one record holds a valid but non-canonical envelope, stored
/// with correct hashes (as another writer would): plain `verify` says INTACT, `--envelopes` exits 1 and names it.
@Suite struct VerifyEnvelopesCLITests {
    @Test func aNonCanonicalEnvelopeFailsOnlyTheEnvelopeCheck() throws {
        let scratch = Scratch("verify-envelopes")
        defer { scratch.remove() }
        let root = scratch.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/verify-envelopes")
        let stored =
            #"{"id":"x:1","type":"member.left","time":"2026-11-03T08:00:00+07:00","actor":"a-1","group":"g-1"}"#
        let seq = try ledger.append(
            prepared: [
                PreparedEvent(
                    checkedID: "x:1",
                    chainBytes: Array(stored.utf8),
                    contentBytes: nil,
                    idHash: SHA256().hash(Array("x:1".utf8))
                )
            ]
        ).firstSeq!
        ledger.close()

        let plain = try CLI.run(["verify", "--ledger", root])
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        let checked = try CLI.run(["verify", "--ledger", root, "--envelopes", "--json"])
        #expect(checked.status == 1, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains(#""kind":"envelope-not-canonical""#), "\(checked.stdout)")
        #expect(checked.stdout.contains(#""seq":\#(seq)"#), "\(checked.stdout)")
    }
}

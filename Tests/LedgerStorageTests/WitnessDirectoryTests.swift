import Foundation
import LedgerCore
import LedgerStorage
import Testing

@Suite struct WitnessDirectoryTests {
    @Test func initWritesASecretKeyWithMode0600AndAPublicVerifierKey() throws {
        let dir = TemporaryDirectory("witness-init")
        defer { dir.remove() }
        let path = dir.path + "/w"
        // A permissive umask must not loosen the key file: its mode is set by open(2) itself.
        let saved = umask(0)
        defer { umask(saved) }
        let witness = try Witness.initialize(directory: path, name: "inspectorate.example.gov/witness")
        #expect(witness.name == "inspectorate.example.gov/witness")

        let key = try FileManager.default.attributesOfItem(atPath: path + "/cosigner.key")
        #expect((key[.posixPermissions] as? NSNumber)?.uint16Value == 0o600)
        let vkeyAttributes = try FileManager.default.attributesOfItem(atPath: path + "/cosigner.vkey")
        #expect((vkeyAttributes[.posixPermissions] as? NSNumber)?.uint16Value == 0o644)

        let vkey = try String(contentsOfFile: path + "/cosigner.vkey", encoding: .utf8)
        #expect(vkey == witness.vkey + "\n")
        let verifier = try CosignatureVerifier(vkey: witness.vkey)
        #expect(verifier == witness.verifier)
        #expect(verifier.name == "inspectorate.example.gov/witness")

        // The key file is a signer key string of cosignature type 0x04 whose public key is the vkey's.
        let skey = try String(contentsOfFile: path + "/cosigner.key", encoding: .utf8)
        let prefix = "PRIVATE+KEY+inspectorate.example.gov/witness+\(NoteKeyID.hex(verifier.keyID))+"
        #expect(skey.hasPrefix(prefix) && skey.hasSuffix("\n"))
        let keyBytes = try #require(Base64.decode(skey.dropFirst(prefix.count).dropLast()))
        #expect(keyBytes.count == 33 && keyBytes[0] == 0x04)
        #expect(try Ed25519PrivateKey(seed: keyBytes[1...]).publicKey == verifier.publicKey)

        #expect(try Witness.open(directory: path).vkey == witness.vkey)
    }

    @Test func keysWithAnyBase64RoundTrip() throws {
        // Base64 keys contain "+" about half the time; the key file must still read back.
        let dir = TemporaryDirectory("witness-keys")
        defer { dir.remove() }
        for index in 0..<24 {
            let path = dir.path + "/w\(index)"
            let created = try Witness.initialize(directory: path, name: "w.example/\(index)")
            #expect(try Witness.open(directory: path).vkey == created.vkey)
        }
    }

    @Test func refusesAnExistingWitnessABadNameAndANonEmptyDirectory() throws {
        let dir = TemporaryDirectory("witness-exists")
        defer { dir.remove() }
        let path = dir.path + "/w"
        let first = try Witness.initialize(directory: path, name: "w.example/one")
        let key = Bytes.read(path + "/cosigner.key")
        let again = ledgerError { try Witness.initialize(directory: path, name: "w.example/two") }
        #expect(again?.code == .cannotCreate)
        #expect(again?.message.contains("already a witness") == true)
        #expect(Bytes.read(path + "/cosigner.key") == key)
        #expect(try Witness.open(directory: path).vkey == first.vkey)

        #expect(
            ledgerError { try Witness.initialize(directory: dir.path + "/x", name: "has space") }?.code == .badInput
        )
        #expect(ledgerError { try Witness.initialize(directory: dir.path + "/x", name: "a+b") }?.code == .badInput)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x"))

        try FileManager.default.createDirectory(atPath: dir.path + "/busy", withIntermediateDirectories: false)
        Bytes.write([1], dir.path + "/busy/something")
        #expect(ledgerError { try Witness.initialize(directory: dir.path + "/busy", name: "w") }?.code == .cannotCreate)
        // An empty directory made beforehand is fine.
        try FileManager.default.createDirectory(atPath: dir.path + "/empty", withIntermediateDirectories: false)
        try Witness.initialize(directory: dir.path + "/empty", name: "w.example/empty")
    }

    @Test func openRefusesWhatIsNotAnIntactWitness() throws {
        let dir = TemporaryDirectory("witness-open")
        defer { dir.remove() }
        #expect(ledgerError { _ = try Witness.open(directory: dir.path + "/none") }?.code == .missingInput)
        #expect(ledgerError { _ = try Witness.open(directory: dir.path) }?.code == .notALedger)

        let path = dir.path + "/w"
        try Witness.initialize(directory: path, name: "w.example/w")
        // A key file that others can read is refused, naming the fix.
        chmod(path + "/cosigner.key", 0o644)
        let exposed = ledgerError { _ = try Witness.open(directory: path) }
        #expect(exposed?.code == .io)
        #expect(exposed?.message.contains("chmod 600") == true, "\(String(describing: exposed))")
        chmod(path + "/cosigner.key", 0o600)
        _ = try Witness.open(directory: path)

        // A vkey file that does not match the key.
        let other = try CosignatureSigner(name: "w.example/w", privateKey: .generate())
        let saved = Bytes.read(path + "/cosigner.vkey")
        Bytes.write(Array((other.vkey + "\n").utf8), path + "/cosigner.vkey")
        #expect(ledgerError { _ = try Witness.open(directory: path) }?.code == .corrupt)
        Bytes.write(saved, path + "/cosigner.vkey")

        // A damaged state file is refused rather than taken for "nothing cosigned yet".
        let witness = try Witness.open(directory: path)
        var log = try TestLog()
        log.grow(to: 3)
        try witness.cosign(checkpointNote: log.note(3), proof: [], logVerifierKeys: [log.vkey])
        var state = Bytes.read(path + "/state.json")
        state[state.count / 2] ^= 0x20
        Bytes.write(state, path + "/state.json")
        #expect(ledgerError { _ = try witness.state() }?.code == .corrupt)
        let refused = ledgerError { try witness.cosign(checkpointNote: log.note(3), proof: []) }
        #expect(refused?.code == .corrupt, "\(String(describing: refused))")
    }

    @Test func stateSurvivesReopeningAndStillCatchesARollback() throws {
        let fixture = try WitnessFixture("reopen")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 40)
        try fixture.witness.cosign(checkpointNote: log.note(30), proof: [], logVerifierKeys: [log.vkey])
        let cosigned = try #require(try fixture.state().logs[log.origin])

        let later = try fixture.reopened()
        #expect(later.vkey == fixture.witness.vkey)
        let state = try later.state()
        #expect(state.logs[log.origin] == cosigned)
        #expect(state.logs[log.origin]?.cosignature(by: later.verifier)?.timestamp == WitnessFixture.time)
        // The recorded note is a complete signed note: log signature and cosignature both verify.
        _ = try cosigned.note.verify(using: [log.signer.verifier, later.verifier], minimumVerified: 2)

        let rollback = ledgerError { try later.cosign(checkpointNote: log.note(20), proof: []) }
        #expect(rollback?.code == .refused && rollback?.message.contains("witness has seen size 30") == true)
        // The pinned key is remembered: no --log-vkey needed, and the new timestamp comes from the new clock.
        let next = try later.cosign(checkpointNote: log.note(40), proof: log.proof(30, 40))
        #expect(next.timestamp == WitnessFixture.time + 60)
        #expect(try fixture.reopened().state().logs[log.origin]?.checkpoint.size == 40)
    }
}

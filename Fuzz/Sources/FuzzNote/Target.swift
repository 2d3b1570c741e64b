// C2SP signed-note parser and verifier: `Note.parse`, `format`, `verify(using:)`, `Checkpoint(note:)`.
// Property (documented on `Note`): `format()` and `parse(_:)` are exact inverses.
import FuzzSupport
import LedgerCore

let signer = try! Ed25519NoteSigner.generate(name: "example.org/fuzz")
let verifiers: [any NoteVerifier] = [signer.verifier]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    guard let note = try? Note.parse(bytes) else { return 0 }
    Fuzz.require(note.format() == bytes, "format() is not the inverse of parse()")
    Fuzz.require(note.byteCount == bytes.count, "byteCount disagrees with format()")
    Fuzz.require((try? Note.parse(note.format())) == note, "parse(format(note)) differs")
    _ = try? note.verify(using: verifiers)
    if let checkpoint = try? Checkpoint(note: note) {
        Fuzz.require((try? Checkpoint(body: checkpoint.body)) == checkpoint, "checkpoint body does not round-trip")
    }
    // A note we sign over the same text must verify, and must stop verifying if a signature byte changes.
    if let signed = try? Note.sign(text: note.text, signers: [signer]) {
        Fuzz.require((try? signed.verify(using: verifiers)) != nil, "a fresh signature does not verify")
    }
    return 0
}

// C2SP tlog-checkpoint body parser: `Checkpoint(body:)`. Property: what parses re-encodes to a body that parses
// to the same checkpoint.
import FuzzSupport
import LedgerCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    guard let checkpoint = try? Checkpoint(body: bytes) else { return 0 }
    guard let again = try? Checkpoint(body: checkpoint.body) else { Fuzz.violated("re-encoded body is refused") }
    Fuzz.require(again == checkpoint, "checkpoint does not round-trip")
    Fuzz.require(checkpoint.text.utf8.count == checkpoint.body.count, "text and body disagree")
    return 0
}

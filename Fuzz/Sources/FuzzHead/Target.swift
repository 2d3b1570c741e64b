// Head slot parser: `HeadState.decode`, what crash recovery trusts first. Odd first byte: the rest is a slot body
// that the harness completes with a correct `check` line, so the fuzzer reaches the field parsing.
import FuzzSupport
import LedgerCore
import LedgerStorage

nonisolated(unsafe) let sha = SHA256()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let mode = input.first else { return 0 }
    var slot = Array(input.dropFirst())
    if mode & 1 == 1 {
        slot = slot.filter { $0 != 0 }
        slot.append(contentsOf: Array("check \(sha.hash(slot).hex)\n".utf8))
    }
    guard let state = HeadState.decode(slot, sha: sha) else { return 0 }
    let encoded = state.encoded(sha: sha)
    guard let again = HeadState.decode(encoded, sha: sha) else { Fuzz.violated("an encoded head is refused") }
    Fuzz.require(again == state, "head does not round-trip")
    Fuzz.require(state.frontier.size == state.size, "frontier size disagrees with the head size")
    return 0
}

// c2sp.org/tlog-proof@v1 parser: `TlogProof.parse`, `format`. Property: parse(format(p)) == p.
import FuzzSupport
import LedgerCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    guard let proof = try? TlogProof.parse(bytes) else { return 0 }
    guard let again = try? TlogProof.parse(proof.format()) else { Fuzz.violated("formatted proof is refused") }
    Fuzz.require(again == proof, "proof does not round-trip")
    Fuzz.require(proof.path.count <= TlogProof.maximumPathLength, "path longer than the limit")
    return 0
}

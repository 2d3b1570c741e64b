// Record decoder: `Record(decoding:)`, `Record.header(of:)`, `peekSeqAndPrev`, and the stored-envelope decoder
// that `verify` and `log` run on every record.
import FuzzSupport
import LedgerCore

let decoder = EnvelopeDecoder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let header = bytes.withUnsafeBytes { try? Record.header(of: $0) }
    guard let record = try? Record(decoding: bytes) else {
        Fuzz.require(header == nil, "header(of:) accepted bytes that init(decoding:) refused")
        return 0
    }
    guard let header else { Fuzz.violated("init(decoding:) accepted bytes that header(of:) refused") }
    Fuzz.require(record.encoded() == bytes, "encoded() is not the inverse of init(decoding:)")
    Fuzz.require(
        header.seq == record.seq && header.prev == record.prev && header.flags == record.flags
            && header.contentCommitment == record.contentCommitment,
        "header(of:) and init(decoding:) disagree"
    )
    let peek = bytes.withUnsafeBytes { Record.peekSeqAndPrev($0) }
    Fuzz.require(peek.seq == record.seq && peek.prev == record.prev, "peekSeqAndPrev disagrees")
    Fuzz.require(record.flags.contains(.hasContent) == (record.contentCommitment != .zero), "content flag")
    if let envelope = try? decoder.decodeStored(record.envelope, seq: record.seq) {
        // Whatever the verifier accepts, the writer's canonical form of it is accepted too and is stable. (The
        // stored bytes need not be canonical: `"format":-0` is accepted and re-canonicalises to `0`; the verifier
        // hashes the stored bytes and never re-serialises them.)
        let canonical = envelope.canonicalChainBytes()
        Fuzz.require(
            (try? decoder.decodeStored(canonical, seq: record.seq))?.canonicalChainBytes() == canonical,
            "a stored envelope does not survive re-canonicalisation"
        )
    }
    return 0
}

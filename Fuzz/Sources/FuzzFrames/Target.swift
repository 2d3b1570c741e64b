// Segment scanner: `FrameScanner.scan` and `SegmentFormat.headerProblem` over arbitrary segment bytes.
//
// The first input byte picks a mode. Mode 0 (even): the bytes are a segment file as found on disk. Mode 1 (odd):
// the rest is a list of `u16 length ‖ record bytes` items that the harness frames with correct lengths and leaf
// hashes, so the fuzzer gets past the SHA-256 check and reaches the record decoding; then every prefix cut named
// by the input must stop as `.truncated` exactly at the frame it cuts.
import FuzzSupport
import LedgerCore
import LedgerStorage

nonisolated(unsafe) let sha = SHA256()
nonisolated(unsafe) let scanner = FrameScanner(sha: sha)

struct Seen {
    var offset: Int
    var end: Int
}

func scan(_ bytes: [UInt8], from start: Int) -> ([Seen], FrameScanner.Stop?) {
    var seen: [Seen] = []
    let stop = bytes.withUnsafeBytes { buffer in
        scanner.scan(buffer, from: start) { (frame, record) throws(Never) in
            Fuzz.require(frame.recordOffset == frame.offset + 4, "record offset")
            Fuzz.require(frame.end <= buffer.count, "frame ends past the bytes")
            Fuzz.require(record.count == frame.recordLength, "record length")
            Fuzz.require(sha.leafHash(record) == frame.leafHash, "leaf hash not checked")
            if let header = try? Record.header(of: record) {
                _ = header.seq
                _ = Record.peekSeqAndPrev(record)
            }
            seen.append(Seen(offset: frame.offset, end: frame.end))
        }
    }
    var expected = start
    for frame in seen {
        Fuzz.require(frame.offset == expected, "frames are not contiguous")
        expected = frame.end
    }
    if let stop {
        Fuzz.require(stop.offset == expected, "the scanner stopped at \(stop.offset), not after the last frame")
        Fuzz.require(stop.offset < bytes.count, "stop offset past the end")
    } else {
        Fuzz.require(expected == bytes.count || start >= bytes.count, "scan ended early without a reason")
    }
    return (seen, stop)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let mode = input.first else { return 0 }
    let body = Array(input.dropFirst())
    if mode & 1 == 0 {
        _ = SegmentFormat.headerProblem(body, expectedFirstSeq: 0, origin: "example.org/fuzz", sha: sha)
        _ = scan(body, from: min(SegmentFormat.headerSize, body.count))
        _ = scan(body, from: 0)
        return 0
    }
    var segment = SegmentFormat.header(firstSeq: 0, origin: "example.org/fuzz", sha: sha)
    Fuzz.require(
        SegmentFormat.headerProblem(segment, expectedFirstSeq: 0, origin: "example.org/fuzz", sha: sha) == nil,
        "a fresh header is refused"
    )
    var offset = 0
    var boundaries: [Int] = []
    while offset + 2 <= body.count {
        let length = min(Fuzz.number(body, at: offset, width: 2) % 1024 + Record.headerSize + 1, body.count)
        offset += 2
        var record = Array(body[offset..<min(body.count, offset + length)])
        offset += length
        if record.count <= Record.headerSize { record += [UInt8](repeating: 0x7b, count: Record.headerSize + 1) }
        boundaries.append(segment.count)
        SegmentFormat.appendFrame(record: record, leafHash: sha.leafHash(record), to: &segment)
    }
    let (seen, stop) = scan(segment, from: SegmentFormat.headerSize)
    Fuzz.require(
        stop == nil && seen.count == boundaries.count,
        "well-formed frames were refused: \(String(describing: stop))"
    )
    for cut in [input.count % max(segment.count, 1), segment.count - 1, segment.count / 2]
    where cut > 0 && cut < segment.count {
        let (prefix, prefixStop) = scan(Array(segment[..<cut]), from: min(SegmentFormat.headerSize, cut))
        let whole = boundaries.filter { $0 < cut }.count
        let cutsAFrame = !(boundaries + [segment.count]).contains(cut)
        if cut >= SegmentFormat.headerSize {
            Fuzz.require(prefix.count == (cutsAFrame ? whole - 1 : whole), "wrong frame count for a cut at \(cut)")
            if cutsAFrame {
                guard case .truncated = prefixStop else { Fuzz.violated("a cut frame is not reported as truncated") }
            }
        }
    }
    return 0
}

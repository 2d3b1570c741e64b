public import LedgerCore

/// The body of a [C2SP tlog-witness](https://c2sp.org/tlog-witness) `add-checkpoint` request:
///
///     old <size the proof starts from, ASCII decimal without leading zeros>
///     <consistency proof hash in base64>        (0 to 63 lines)
///     <empty line>
///     <the checkpoint: a signed note, possibly with several signatures>
///
/// Every line ends in a newline. The log builds it with ``encoded()``; the witness reads it with
/// ``parse(_:)``.
public struct AddCheckpointRequest: Sendable, Hashable {
    /// The size of the previous checkpoint, from which ``proof`` starts (0 on first contact).
    public let oldSize: UInt64
    /// The RFC 6962 consistency proof from ``oldSize`` to the checkpoint's size.
    public let proof: [Hash]
    /// The checkpoint note, as sent.
    public let checkpointNote: [UInt8]

    /// A request for `checkpointNote` with `proof` from `oldSize`.
    public init(oldSize: UInt64, proof: [Hash], checkpointNote: [UInt8]) {
        self.oldSize = oldSize
        self.proof = proof
        self.checkpointNote = checkpointNote
    }

    /// The request body.
    public func encoded() -> [UInt8] {
        var out = Array("old \(oldSize)\n".utf8)
        for hash in proof { out += Array((hash.base64 + "\n").utf8) }
        out.append(0x0A)
        return out + checkpointNote
    }

    /// Parses a request body strictly: the `old` line must be exactly `old`, one space and a canonical decimal;
    /// each proof line the padded base64 of 32 bytes; at most ``Witness/maximumProofHashes`` of them; then an
    /// empty line. The checkpoint note after it is returned as it is, for the witness to parse and verify.
    ///
    /// - Throws: `WitnessRejection` with reason `.malformed`, its message naming the line.
    public static func parse(_ body: [UInt8]) throws(WitnessRejection) -> AddCheckpointRequest {
        func malformed(_ what: String) -> WitnessRejection {
            WitnessRejection(.malformed, "the add-checkpoint request is malformed: \(what)")
        }
        guard let firstEnd = body.firstIndex(of: 0x0A) else { throw malformed("it has no complete `old` line") }
        let first = body[..<firstEnd]
        let prefix = Array("old ".utf8)
        guard first.starts(with: prefix) else { throw malformed("line 1 does not start with `old `") }
        let oldSize: UInt64
        do {
            oldSize = try CanonicalDecimal.parse(first.dropFirst(prefix.count))
        } catch {
            throw malformed("line 1, the old size: \(error)")
        }
        var proof: [Hash] = []
        var start = firstEnd + 1
        while true {
            guard let end = body[start...].firstIndex(of: 0x0A) else {
                throw malformed("no empty line ends the consistency proof")
            }
            if end == start { break }
            guard proof.count < Witness.maximumProofHashes else {
                throw malformed("more than \(Witness.maximumProofHashes) consistency proof lines")
            }
            guard let hash = Hash(base64: String(decoding: body[start..<end], as: UTF8.self)) else {
                throw malformed("line \(proof.count + 2) is not the base64 of a 32-byte hash")
            }
            proof.append(hash)
            start = end + 1
        }
        return AddCheckpointRequest(oldSize: oldSize, proof: proof, checkpointNote: Array(body[(start + 1)...]))
    }
}

public import LedgerCore

/// Reading the files a cosign run is given: a signed checkpoint note and a consistency proof.
public enum WitnessInput {
    /// The largest proof file read: far more than 63 lines of base64 hashes.
    static let maximumProofFileBytes = 64 << 10

    /// The bytes of the checkpoint note file at `path`; `.missingInput` if it does not exist.
    public static func readCheckpoint(path: String) throws(LedgerError) -> [UInt8] {
        try Directory.readFile(path, limit: Note.maximumByteCount)
    }

    /// The hashes of the proof file at `path` (see ``parseProof(_:source:)``).
    public static func readProof(path: String) throws(LedgerError) -> [Hash] {
        try parseProof(Directory.readFile(path, limit: maximumProofFileBytes), source: path)
    }

    /// Parses a consistency proof written one standard padded base64 hash per line, each line ending in a
    /// newline (a missing final newline is tolerated). An empty text is the empty proof.
    public static func parseProof(_ bytes: [UInt8], source: String) throws(LedgerError) -> [Hash] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        if let blank = lines.firstIndex(where: \.isEmpty) {
            throw LedgerError(.badInput, "\(source): proof line \(blank + 1) is empty; give one hash per line")
        }
        do {
            return try Merkle.proofHashes(base64Lines: lines.map { String(decoding: $0, as: UTF8.self) })
        } catch {
            throw LedgerError(.badInput, "\(source): \(error.message)")
        }
    }
}

import LedgerCore

/// The `file_sha256` every imported event records: the SHA-256 of the whole input file, as `sha256sum` prints it.
enum InputDigest {
    /// The digest of a whole file, read in 1 MiB chunks with `read(2)`.
    static func of(path: String) throws -> String {
        let input = try IngestInput(path: path)
        let digest = SHA256Stream()
        while try input.read({ digest.update($0) }) {}
        return digest.finish().hex
    }
}

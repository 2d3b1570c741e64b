import LedgerCore
import LedgerStorage
import SystemPackage

/// Copies a stream to a file that can be read twice.
enum Spool {
    /// Copies all of `input` to a new file at `path` (mode 0600; not synced: it is read back at once, and a crash
    /// leaves nothing acknowledged from it).
    static func copy(_ input: IngestInput, to path: String, name: String) throws {
        let file = try LedgerFile.open(
            path,
            name: name,
            .writeOnly,
            options: [.create, .exclusiveCreate],
            permissions: FilePermissions(rawValue: 0o600)
        )
        defer { file.close() }
        var offset: UInt64 = 0
        while try input.read({ bytes in
            try file.write(bytes, at: offset)
            offset += UInt64(bytes.count)
        }) {}
    }
}

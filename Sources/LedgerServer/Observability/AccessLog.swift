import Foundation
import LedgerCore
import LedgerStorage

#if canImport(Glibc)
import Glibc
#endif

/// The access log: one JSON object per request, appended with one `write(2)` each to a file opened `O_APPEND`
/// (mode 0640, never through a symbolic link). Lines are not synced: the ledger's records are the evidence, the log
/// tells who asked for what.
final class AccessLog: Sendable {
    /// One request, as logged.
    struct Entry {
        var time: Int64
        var token: String
        var method: String
        var path: String
        var status: Int
        var bytesIn: Int
        var bytesOut: Int
        var durationMillis: Double

        /// The entry as one line of RFC 8785 JSON (members in key order), written field by field: it runs once per
        /// request, so no JSON tree is built.
        var line: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(160 + path.utf8.count)
            bytes.append(contentsOf: #"{"bytes_in":"#.utf8)
            bytes.append(contentsOf: String(bytesIn).utf8)
            bytes.append(contentsOf: #","bytes_out":"#.utf8)
            bytes.append(contentsOf: String(bytesOut).utf8)
            bytes.append(contentsOf: #","duration_ms":"#.utf8)
            JCS.serialize(JSONNumber((durationMillis * 1000).rounded() / 1000) ?? JSONNumber(0), into: &bytes)
            bytes.append(contentsOf: #","method":"#.utf8)
            JCS.serialize(method, into: &bytes)
            bytes.append(contentsOf: #","path":"#.utf8)
            JCS.serialize(path, into: &bytes)
            bytes.append(contentsOf: #","status":"#.utf8)
            bytes.append(contentsOf: String(status).utf8)
            bytes.append(contentsOf: #","time":"#.utf8)
            JCS.serialize(Timestamp.format(unixMillis: time), into: &bytes)
            bytes.append(contentsOf: #","token":"#.utf8)
            JCS.serialize(token, into: &bytes)
            bytes.append(contentsOf: "}\n".utf8)
            return bytes
        }
    }

    let path: String
    private let descriptor: Int32

    /// Opens (creating) the log at `path`.
    ///
    /// - Throws: ``LedgerError`` `.cannotCreate` when it cannot be opened, a symbolic link among the reasons.
    init(path: String) throws(LedgerError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw LedgerError(
                .cannotCreate,
                "cannot open the access log \(path); give a writable file with --access-log",
                cause: SystemCallError("open", errno: errno)
            )
        }
    }

    deinit { Descriptor.close(descriptor, name: path) }

    /// Appends one entry; a failed write is reported once on standard error and otherwise ignored (a full disk must
    /// not stop the ledger from answering).
    func record(_ entry: Entry) {
        let line = entry.line
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written != line.count {
            FileHandle.standardError.write(Data("groupledger: cannot write the access log \(path)\n".utf8))
        }
    }
}

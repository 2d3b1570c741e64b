import Foundation
import LedgerCore

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

        var line: [UInt8] {
            let millis = (durationMillis * 1000).rounded() / 1000
            var bytes = JCS.serialize(
                .object(
                    JSONObject(members: [
                        ("time", .string(Timestamp.format(unixMillis: time))), ("token", .string(token)),
                        ("method", .string(method)), ("path", .string(path)),
                        ("status", .number(JSONNumber(status))), ("bytes_in", .number(JSONNumber(bytesIn))),
                        ("bytes_out", .number(JSONNumber(bytesOut))),
                        ("duration_ms", .number(JSONNumber(millis) ?? JSONNumber(0))),
                    ])
                )
            )
            bytes.append(0x0a)
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
                cause: String(cString: strerror(errno))
            )
        }
    }

    deinit { close(descriptor) }

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

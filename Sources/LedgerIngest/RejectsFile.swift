import Foundation
public import LedgerCore
public import LedgerImport
import LedgerStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rejects file of `--keep-going`: one JSON object per refused unit, appended (never truncated) and flushed
/// with `fsync` before the good events of the same run are appended, so a crash never loses the record of a
/// rejection whose neighbours were kept.
///
/// Each line: `{"at", "input", "unit", "number", "byte", "field"?, "error"}`. The file is created with mode 0600:
/// error messages may quote source values.
public final class RejectsFile {
    /// Where the file is.
    public let path: String
    private let descriptor: Int32
    private var unsynced = false
    /// How many rejections this run recorded.
    public private(set) var count = 0

    /// The default place: `<input>.rejects.jsonl` beside a file, `import.rejects.jsonl` in the working directory
    /// for standard input.
    public static func defaultPath(for input: String) -> String {
        input == "-" ? "import.rejects.jsonl" : input + ".rejects.jsonl"
    }

    /// Opens (creates, mode 0600) the rejects file at `path` for appending.
    public init(path: String) throws(LedgerError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LedgerError(
                .cannotCreate,
                "cannot open the rejects file \(path)",
                cause: SystemCallError("open", errno: errno)
            )
        }
    }

    deinit { Descriptor.close(descriptor, name: path) }

    /// Appends one rejection (not yet durable: see ``sync()``).
    public func record(_ error: ImportError) throws(LedgerError) {
        var members: [(key: String, value: JSONValue)] = [
            ("at", .string(ZaloTime.rfc3339(millis: Int64(Date().timeIntervalSince1970 * 1000)) ?? "")),
            ("input", .string(error.location.name)), ("unit", .string(error.location.unit.rawValue)),
            ("number", .number(JSONNumber(error.location.number))), ("byte", .number(JSONNumber(error.byteOffset))),
        ]
        if let field = error.field { members.append(("field", .string(field))) }
        members.append(("error", .string(error.reason)))
        let line = JCS.serialize(.object(JSONObject(members: members))) + [0x0a]
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw LedgerError(
                .io,
                "cannot write the rejects file \(path)",
                cause: SystemCallError("write", errno: errno)
            )
        }
        count += 1
        unsynced = true
    }

    /// Makes every recorded rejection durable.
    public func sync() throws(LedgerError) {
        guard unsynced else { return }
        guard fsync(descriptor) == 0 else {
            throw LedgerError(
                .syncFailed,
                "fsync of the rejects file \(path) failed",
                cause: SystemCallError("fsync", errno: errno)
            )
        }
        unsynced = false
    }
}

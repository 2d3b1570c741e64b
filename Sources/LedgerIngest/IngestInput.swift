public import LedgerCore
import LedgerStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input of the ingest engine: a file, or standard input for `-`, read in bounded chunks with `read(2)`, and
/// waited on with `poll(2)` so that a follow loop can commit on time while the stream is quiet. A path the user
/// names may be a link or a pipe.
public final class IngestInput {
    /// The name in messages and provenance: the path as given, or `stdin`.
    public let name: String
    /// The descriptor, for `poll(2)`.
    public let descriptor: Int32
    /// Whether the input is a regular file (which can be read twice: once for its digest).
    public let isRegularFile: Bool
    private let closeWhenDone: Bool
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)

    /// Opens `path`, or standard input for `-`; `name` stands for it in messages (default: the path, or `stdin`).
    public init(path: String, name: String? = nil) throws(LedgerError) {
        if path == "-" {
            self.name = name ?? "stdin"
            descriptor = 0
            closeWhenDone = false
        } else {
            self.name = name ?? path
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let code: LedgerError.Code = errno == ENOENT ? .missingInput : .io
                throw LedgerError(code, "cannot open \(path)", cause: SystemCallError("open", errno: errno))
            }
            closeWhenDone = true
        }
        var st = stat()
        isRegularFile = fstat(descriptor, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    deinit { if closeWhenDone { Descriptor.close(descriptor, name: name) } }

    /// The file's size, when it is a regular file.
    public var size: Int? {
        var st = stat()
        guard isRegularFile, fstat(descriptor, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    /// Reads the next chunk (at most 1 MiB) and hands it to `body`; returns `false` at the end of input.
    public func read(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LedgerError(.io, "cannot read \(name)", cause: SystemCallError("read", errno: errno))
            }
            if count == 0 { return false }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            return true
        }
    }
}

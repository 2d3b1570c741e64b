import Foundation

/// Runs the built `groupledger` binary, as a user would.
enum CLI {
    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("groupledger")

    struct Result {
        let status: Int32
        let stdoutData: Data
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        let stderr: String
    }

    /// Runs `groupledger arguments…` to completion, with `environment` added to this process's.
    @discardableResult
    static func run(
        _ arguments: [String],
        stdin: Data? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdoutData: outData,
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}

/// A fresh temporary directory for one test.
struct Scratch {
    let path: String

    init(_ label: String) {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("groupledger-cli-\(label)-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    /// Every file of the ledger and its bytes, except `lock`, whose note names the last process that opened the
    /// ledger for writing (an import opens it before it reads its input): it is not ledger data.
    static func snapshot(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            if relative == "lock" { continue }
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}

enum Line {
    /// A valid event line with a unique id.
    static func post(_ id: String) -> String {
        #"{"id":"\#(id)","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","#
            + #""group":"g-1","data":{"kind":"text","message":"m-\#(id)"},"content":{"text":"Báo cáo tiến độ"}}"#
    }
}

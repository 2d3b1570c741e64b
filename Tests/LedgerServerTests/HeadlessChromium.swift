import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Debian's Chromium, run headless by the browser tests: `--dump-dom` prints the DOM after the page has loaded (and
/// run any script it was allowed to), `--screenshot` writes a PNG, and the page's console messages — a script's
/// output or error, a Content-Security-Policy violation — are collected from the browser's log. Each run gets a
/// fresh profile and a hard time limit, after which the browser is killed.
enum HeadlessChromium {
    static let path = "/usr/lib/chromium/chromium"
    /// The longest one run may take.
    static let timeout: TimeInterval = 90

    /// Why `suite` cannot run here, or `nil` when Chromium is installed.
    static func missing(for suite: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return "SKIPPED (chromium not installed; `apt-get install --no-install-recommends chromium`): \(suite)"
        }
        return nil
    }

    /// What one run saw.
    struct Run: Sendable {
        /// Standard output: the DOM, for `--dump-dom`.
        let output: String
        /// The page's console messages, one per line of the browser's log.
        let console: [String]
    }

    /// The DOM of `url` once loaded (redirects followed, cookies kept within the run); `console` must stay empty on
    /// the web view's pages.
    static func dumpDOM(_ url: String) async throws -> Run {
        try await onThread { try run(["--dump-dom", url]) }
    }

    /// A PNG of `url` at `width`×`height`, written to `file`.
    static func screenshot(_ url: String, to file: String, width: Int = 1100, height: Int = 820) async throws {
        let arguments = ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(file)", url]
        let shot = try await onThread { try run(arguments) }
        guard shot.console.isEmpty else { throw BrowserFailure("the console of \(url) says \(shot.console)") }
        guard FileManager.default.fileExists(atPath: file) else {
            throw BrowserFailure("chromium wrote no screenshot of \(url)")
        }
    }

    /// Runs `work` on a thread of its own: a browser run blocks for seconds, which neither the concurrency pool nor
    /// the servers' ``TestExecutor`` threads should spend waiting.
    private static func onThread(_ work: @escaping @Sendable () throws -> Run) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Runs Chromium with `arguments` after the headless ones; returns its standard output and console messages.
    static func run(_ arguments: [String]) throws -> Run {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("groupledger-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        let log = profile + "/stderr.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--user-data-dir=\(profile)",
                "--enable-logging=stderr", "--v=0",
            ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read while it runs, so that a large DOM cannot fill the pipe and stall the browser.
        let collected = Collected()
        let reader = Thread { collected.set(output.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw BrowserFailure("chromium did not finish within \(Int(timeout)) s: \(arguments)")
        }
        let drained = Date().addingTimeInterval(10)
        while collected.data == nil, Date() < drained { usleep(20_000) }
        let messages = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return Run(
            output: String(decoding: collected.data ?? Data(), as: UTF8.self),
            console: messages.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        )
    }

    /// What the reading thread got.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Data?
        var data: Data? { lock.withLock { value } }
        func set(_ data: Data) { lock.withLock { value = data } }
    }
}

struct BrowserFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

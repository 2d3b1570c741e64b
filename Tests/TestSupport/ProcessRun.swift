import Foundation

/// Runs a program to its end, for tests that check what a system tool (`tar`, `sha256sum`) or the built
/// `groupledger` makes of a file.
public enum ProcessRun {
    /// Runs `executable arguments…` in `directory` and returns its exit status and its standard output and
    /// standard error, interleaved as written.
    public static func output(
        _ executable: String,
        _ arguments: [String],
        in directory: String
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

import Foundation

/// The independent implementations the interoperability tests check against (`tlog-scales`, `cryptography`).
enum PythonOracles {
    /// Why `suite` cannot run here, or `nil` when python3 imports both oracles.
    static func missing(for suite: String) -> String? {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import tlog_scales, cryptography"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "SKIPPED (python3 is not installed): \(suite)" }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            return "SKIPPED (tlog-scales or cryptography not installed; `pip install tlog-scales cryptography`)"
        }
        return nil
    }
}

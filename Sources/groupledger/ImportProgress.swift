import Foundation
import LedgerIngest

/// Progress on standard error, once a second, when it is a terminal.
final class ImportProgress {
    private var last = Date()
    private var shown = false

    func show(_ progress: BatchIngest.Progress) {
        guard Console.stderrIsTerminal, Date().timeIntervalSince(last) >= 1 else { return }
        last = Date()
        shown = true
        let of = progress.size.map { " of \($0)" } ?? ""
        FileHandle.standardError.write(
            Data(
                "\r\(progress.input): \(progress.read)\(of) bytes, \(progress.units) units, \(progress.events) events "
                    .utf8
            )
        )
    }

    func clear() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}

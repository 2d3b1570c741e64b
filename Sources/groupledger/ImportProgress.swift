import Foundation

/// Progress on standard error, once a second, when it is a terminal.
struct ImportProgress {
    private var last = Date()
    private var shown = false

    mutating func show(input: String, read: Int, size: Int?, units: Int, events: Int) {
        guard Console.stderrIsTerminal, Date().timeIntervalSince(last) >= 1 else { return }
        last = Date()
        shown = true
        let of = size.map { " of \($0)" } ?? ""
        FileHandle.standardError.write(Data("\r\(input): \(read)\(of) bytes, \(units) units, \(events) events ".utf8))
    }

    mutating func clear() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}

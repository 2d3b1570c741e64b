import Foundation

/// `--listen HOST:PORT` of the commands that serve HTTP, and the line they print once they listen.
enum ListenAddress {
    /// `HOST:PORT` split into host and port (`[::1]:0` for IPv6, brackets removed); `nil` when it is not that.
    static func parse(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        return (host, port)
    }

    /// Prints `listening on http://HOST:PORT` (IPv6 hosts in brackets) on standard output, unbuffered.
    static func announce(host: String, port: Int) {
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardOutput.write(Data("listening on http://\(shown):\(port)\n".utf8))
    }
}

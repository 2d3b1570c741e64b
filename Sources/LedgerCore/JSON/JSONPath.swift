/// Formatting of paths (`$.data.items[3]`) and keys for ``JSONError`` messages.
enum JSONPath {
    /// Keys longer than this many UTF-8 bytes are shortened with `…` in paths and messages.
    static let maxShownKeyBytes = 64

    /// Appends `.key` for identifier-like keys and `["key"]` for others.
    static func appendKey(_ key: String, to path: inout String) {
        let utf8 = key.utf8
        let isIdentifier =
            !utf8.isEmpty && utf8.count <= maxShownKeyBytes
            && utf8.enumerated().allSatisfy { offset, c in
                c == 0x5F || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (offset > 0 && c >= 0x30 && c <= 0x39)
            }
        if isIdentifier {
            path += "."
            path += key
        } else {
            path += "["
            path += quoted(key)
            path += "]"
        }
    }

    /// The key in double quotes with `"`, `\` and control characters escaped, shortened when long.
    static func quoted(_ key: String) -> String {
        var result = "\""
        var bytes = 0
        for scalar in key.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > maxShownKeyBytes {
                result += "…"
                break
            }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{00}"..."\u{1F}", "\u{7F}": result += "\\u" + Hex.uppercase(scalar.value, minimumDigits: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

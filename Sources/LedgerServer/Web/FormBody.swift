import LedgerCore

/// An `application/x-www-form-urlencoded` body, as the login form sends it.
enum FormBody {
    /// The body's fields, decoded (`+` is a space, `%XX` a byte); of a repeated name, the first. A field that is
    /// not valid UTF-8 once decoded is dropped.
    static func parse(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count == 2 ? parts[1] : []) else { continue }
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    /// Percent-decodes one name or value (`plusIsSpace: false` for a path segment); `nil` for a bad escape or bytes
    /// that are not UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool = true) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if plusIsSpace, byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    let high = Hex.value(ofDigit: bytes[index + 1]), let low = Hex.value(ofDigit: bytes[index + 2])
                else { return nil }
                decoded.append(high << 4 | low)
                index += 2
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        return String(validating: decoded, as: UTF8.self)
    }

    /// Percent-encodes `text` for a query value or a path: all but letters, digits, `-._~` and, unless
    /// `keepingSlash` is false (one path segment), `/`.
    static func encode(_ text: String, keepingSlash: Bool = true) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlash:
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%"
                encoded.unicodeScalars.append(Unicode.Scalar(Hex.digit(byte >> 4, uppercase: true)))
                encoded.unicodeScalars.append(Unicode.Scalar(Hex.digit(byte & 0x0F, uppercase: true)))
            }
        }
        return encoded
    }

}

import LedgerCore

/// The MAC Zalo puts in an OA webhook's `X-ZEvent-Signature` header.
///
/// Zalo's documentation gives it as `mac = sha256(appId + data + timeStamp + OAsecretKey)`, with `data` the raw
/// request body, `timeStamp` the body's `timestamp` field and the OA's secret key (not the app's): a **plain
/// SHA-256** over the concatenation, not an HMAC, sent as `mac=` and lowercase hex. Re-serialising the body
/// changes the bytes and the MAC, so the raw body is hashed exactly as received. Sources: `domain-zalo.md` §6.3,
/// quoting the Zalo docs page; hainh.me/zalo-api-php-webhook-callback-official-account.html (the four parts in
/// that order, and "OA Secret Key … không phải là khóa bí mật của ứng dụng").
public enum OASignature {
    /// The lowercase hex MAC of a body.
    public static func mac(appID: String, body: [UInt8], timestamp: String, secret: [UInt8]) -> String {
        let message = Array(appID.utf8) + body + Array(timestamp.utf8) + secret
        return SHA256().hash(message).hex
    }

    /// Whether a header value (`mac=<hex>`, or the bare hex) names `expected`, compared in constant time.
    public static func matches(header: String, expected: String) -> Bool {
        var given = Substring(header).drop { $0 == " " }
        if given.lowercased().hasPrefix("mac") {
            given = given.dropFirst(3).drop { $0 == " " }
            guard given.first == "=" else { return false }
            given = given.dropFirst().drop { $0 == " " }
        }
        let a = Array(given.lowercased().utf8).prefix { $0 != 0x20 }
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}

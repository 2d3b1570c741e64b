import LedgerCore

/// Zalo's times (epoch milliseconds, sent as strings or numbers) as the RFC 3339 text the ledger stores.
public enum ZaloTime {
    /// Vietnam's offset from UTC: +07:00 all year (no daylight saving time).
    static let offsetMillis: Int64 = 7 * 3_600_000
    /// The last millisecond whose local time is in year 9999.
    static let latestMillis: Int64 = 253_402_300_799_999 - offsetMillis

    /// Epoch milliseconds as RFC 3339 local time in Vietnam with milliseconds, e.g. `2026-11-03T07:45:12.345+07:00`;
    /// `nil` before 1970 or after 9999.
    ///
    /// Zalo's times are not always 13 digits (the OA documentation's own example has 12); any non-negative value
    /// in range is accepted as milliseconds.
    public static func rfc3339(millis: Int64) -> String? {
        var text: [UInt8] = []
        guard append(millis: millis, to: &text) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``rfc3339(millis:)``'s text to `out` without making a string; `false` (and nothing appended) when
    /// it is `nil`.
    static func append(millis: Int64, to out: inout [UInt8]) -> Bool {
        guard (0...latestMillis).contains(millis) else { return false }
        let time = Timestamp.civil(unixMillis: millis + offsetMillis)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(time.year, 4)
        out.append(UInt8(ascii: "-"))
        digits(time.month, 2)
        out.append(UInt8(ascii: "-"))
        digits(time.day, 2)
        out.append(UInt8(ascii: "T"))
        digits(time.hour, 2)
        out.append(UInt8(ascii: ":"))
        digits(time.minute, 2)
        out.append(UInt8(ascii: ":"))
        digits(time.second, 2)
        out.append(UInt8(ascii: "."))
        digits(time.millisecond, 3)
        out += "+07:00".utf8
        return true
    }
}

import LedgerCore

/// Zalo's times (epoch milliseconds, sent as strings or numbers) as the RFC 3339 text the ledger stores.
public enum ZaloTime {
    /// Vietnam's offset from UTC: +07:00 all year (no daylight saving time).
    static let offsetMillis: Int64 = 7 * 3_600_000

    /// Epoch milliseconds as RFC 3339 local time in Vietnam with milliseconds, e.g. `2026-11-03T07:45:12.345+07:00`;
    /// `nil` before 1970 or after 9999.
    ///
    /// Zalo's times are not always 13 digits (the OA documentation's own example has 12); any non-negative value
    /// in range is accepted as milliseconds.
    public static func rfc3339(millis: Int64) -> String? {
        guard millis >= 0, millis <= 253_402_300_799_999 - offsetMillis else { return nil }
        var text = Timestamp.format(unixMillis: millis + offsetMillis)
        guard text.hasSuffix("Z") else { return nil }
        text.removeLast()
        text += "+07:00"
        return Timestamp(text) == nil ? nil : text
    }
}

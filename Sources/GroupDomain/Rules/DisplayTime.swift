import LedgerCore

/// Formats Unix milliseconds as local wall-clock time for messages and reports, e.g. `2026-11-05 16:00 +07:00`.
public struct DisplayTime: Sendable, Hashable {
    /// The offset from UTC in minutes (Việt Nam: +420, no daylight saving).
    public let offsetMinutes: Int

    public init(offsetMinutes: Int) {
        self.offsetMinutes = offsetMinutes
    }

    /// `YYYY-MM-DD hh:mm ±hh:mm`, from the date's parts (a year past 9999 in local time prints in full, never cut).
    public func format(_ millis: Int64) -> String {
        let local = Timestamp.civil(unixMillis: millis + Int64(offsetMinutes) * 60_000)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(local.year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return "\(paddedYear)-\(two(local.month))-\(two(local.day)) \(two(local.hour)):\(two(local.minute)) "
            + "\(sign)\(two(magnitude / 60)):\(two(magnitude % 60))"
    }
}

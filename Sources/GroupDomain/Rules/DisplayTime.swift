import LedgerCore

/// Formats Unix milliseconds as local wall-clock time for messages and reports, e.g. `2026-11-05 16:00 +07:00`.
public struct DisplayTime: Sendable, Hashable {
    /// The offset from UTC in minutes (Việt Nam: +420, no daylight saving).
    public let offsetMinutes: Int

    public init(offsetMinutes: Int) {
        self.offsetMinutes = offsetMinutes
    }

    /// `YYYY-MM-DD hh:mm ±hh:mm`.
    public func format(_ millis: Int64) -> String {
        let utc = Timestamp.format(unixMillis: millis + Int64(offsetMinutes) * 60_000)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        let hours = magnitude / 60 < 10 ? "0\(magnitude / 60)" : "\(magnitude / 60)"
        let minutes = magnitude % 60 < 10 ? "0\(magnitude % 60)" : "\(magnitude % 60)"
        return String(utc.prefix(10)) + " " + String(utc.dropFirst(11).prefix(5)) + " \(sign)\(hours):\(minutes)"
    }
}

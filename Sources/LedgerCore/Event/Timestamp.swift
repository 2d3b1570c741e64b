/// An RFC 3339 timestamp with a mandatory offset (`2026-11-29T10:26:21+07:00`, `…Z`), kept as written.
///
/// The text is what the ledger stores; `unixMillis` is derived for ordering and time queries. Fractions beyond
/// milliseconds are accepted and truncated for `unixMillis`. Leap second `:60` is refused, and so is a time whose
/// instant in UTC falls outside the years 0001–9999 (`9999-12-31T23:59:59-23:59` is in the year 10000 in UTC): such
/// a time could not be written back as RFC 3339.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// The text exactly as given.
    public let text: String
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let unixMillis: Int64

    /// The first instant a timestamp may denote: 0001-01-01T00:00:00Z.
    public static let earliestMillis: Int64 = -62_135_596_800_000
    /// The instant after the last one a timestamp may denote: 10000-01-01T00:00:00Z.
    public static let endMillis: Int64 = 253_402_300_800_000

    /// What is wrong with `text` as a timestamp, for a message after the value (e.g. `--to X` + problem), or `nil`
    /// when ``init(_:)`` accepts it.
    public static func problem(_ text: String) -> String? {
        if Timestamp(text) != nil { return nil }
        if let any = Timestamp.anyYear(text) {
            let side = any.unixMillis < earliestMillis ? "before the year 0001" : "after the year 9999"
            return "falls \(side) in UTC (\(text) is \(Timestamp.format(unixMillis: any.unixMillis)) there); "
                + "times must lie in the years 0001 to 9999 in UTC"
        }
        return "is not RFC 3339 with an offset, e.g. 2026-11-29T08:30:00+07:00"
    }

    /// Parses RFC 3339 `date-time` (§5.6): `YYYY-MM-DD`, `T` (or `t`), `hh:mm:ss`, optional fraction, then `Z` or
    /// `±hh:mm`. Returns `nil` for anything else, including impossible dates such as 2026-02-30, and times whose
    /// instant in UTC is outside the years 0001–9999 (``problem(_:)`` says which).
    public init?(_ text: String) {
        guard let time = Timestamp.anyYear(text),
            (Timestamp.earliestMillis..<Timestamp.endMillis).contains(time.unixMillis)
        else { return nil }
        self = time
    }

    /// Parses like ``init(_:)`` but accepts any instant, for times already in the ledger: records written before
    /// the range check still read back as they were.
    package static func anyYear(_ text: String) -> Timestamp? { Timestamp(parsingAnyYear: text) }

    /// The parser behind ``init(_:)`` and ``anyYear(_:)`` (private: a second unlabelled-looking initialiser would
    /// make `Timestamp.init` ambiguous where it is passed as a function).
    private init?(parsingAnyYear text: String) {
        var text = text
        guard let millis = text.withUTF8({ Timestamp.unixMillis(UnsafeRawBufferPointer($0)) }) else { return nil }
        self.text = text
        self.unixMillis = millis
    }

    /// Whether the UTF-8 bytes `text` are a time ``init(_:)`` accepts, without making a string of them (an
    /// importer's direct path checks many).
    package static func isAcceptable(_ text: UnsafeRawBufferPointer) -> Bool {
        guard let millis = unixMillis(text) else { return false }
        return (earliestMillis..<endMillis).contains(millis)
    }

    /// The instant of RFC 3339 text in Unix milliseconds, whatever its year, or `nil` when it is not RFC 3339.
    private static func unixMillis(_ b: UnsafeRawBufferPointer) -> Int64? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<start + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard b.count >= 20, let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45,
            let day = digits(8, 2), b[10] == 84 || b[10] == 116, let hour = digits(11, 2), b[13] == 58,
            let minute = digits(14, 2), b[16] == 58, let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year), hour < 24,
            minute < 60, second < 60
        else { return nil }
        var i = 19
        var millis = 0
        if i < b.count, b[i] == 46 {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if i - start < 3 { millis = millis * 10 + Int(b[i] - 48) }
                i += 1
            }
            guard i > start else { return nil }
            for _ in 0..<max(0, 3 - (i - start)) { millis *= 10 }
        }
        guard i < b.count else { return nil }
        var offsetMinutes = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            guard let oh = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == 58, let om = digits(i + 4, 2), oh < 24,
                om < 60
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(millis)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.unixMillis < rhs.unixMillis }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil` algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Formats Unix milliseconds as RFC 3339 UTC with milliseconds, e.g. `2026-11-29T10:26:21.042Z`.
    public static func format(unixMillis: Int64) -> String {
        let time = civil(unixMillis: unixMillis)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(time.year, 4))-\(pad(time.month, 2))-\(pad(time.day, 2))T\(pad(time.hour, 2)):"
            + "\(pad(time.minute, 2)):\(pad(time.second, 2)).\(pad(time.millisecond, 3))Z"
    }

    /// The proleptic Gregorian date and time of day of Unix milliseconds, in UTC.
    package static func civil(
        unixMillis: Int64
    ) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let seconds = unixMillis >= 0 ? unixMillis / 1000 : (unixMillis - 999) / 1000
        let millis = Int(unixMillis - seconds * 1000)
        var days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, millis)
    }
}

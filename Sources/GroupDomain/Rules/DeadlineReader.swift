public import LedgerCore

/// Reads the due time a directive's text names ("trước 16h00 ngày 05/12/2026", "chậm nhất 9 giờ ngày 3/11",
/// "trong ngày"), in Việt Nam time (UTC+7), for a candidate's suggested due time. A suggestion for the person who
/// confirms the directive, never a deadline by itself.
///
/// - A time is `16h`, `16h00`, `16h30`, `16 giờ`, `16 giờ 30` or `16:30`; a date `05/12`, `5/12/2026` or
///   `05-12-2026`. A date without a time is due at 17:00 that day (the end of office hours); a time without a
///   date is on the day of the post (the next day when that time has passed); "trong ngày" is 23:59 of the post's
///   day. A date without a year takes the post's year (the next year when that would put it more than half a year
///   before the post).
public enum DeadlineReader {
    /// The due time in `text`, posted at `posted`, or `nil` when it names none.
    public static func due(in text: String, postedAt posted: Timestamp) -> Timestamp? {
        let characters = Array(text.lowercased())
        var time: (hour: Int, minute: Int)?
        var date: (day: Int, month: Int, year: Int?)?
        var index = 0
        func number(at start: Int, maxDigits: Int) -> (value: Int, end: Int)? {
            var end = start
            var value = 0
            while end < characters.count, end - start < maxDigits, let digit = characters[end].wholeNumberValue,
                characters[end].isASCII
            {
                value = value * 10 + digit
                end += 1
            }
            return end > start ? (value, end) : nil
        }
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber,
                index == 0 || !(characters[index - 1].isNumber || characters[index - 1].isLetter)
            else {
                index += 1
                continue
            }
            guard let first = number(at: index, maxDigits: 4) else {
                index += 1
                continue
            }
            var position = first.end
            // A date: d/m or d/m/y (also with '-').
            if date == nil, position < characters.count, characters[position] == "/" || characters[position] == "-",
                let month = number(at: position + 1, maxDigits: 2), (1...31).contains(first.value),
                (1...12).contains(month.value)
            {
                position = month.end
                var year: Int?
                if position + 1 < characters.count, characters[position] == "/" || characters[position] == "-",
                    let parsed = number(at: position + 1, maxDigits: 4)
                {
                    year = parsed.value < 100 ? 2000 + parsed.value : parsed.value
                    position = parsed.end
                }
                date = (first.value, month.value, year)
                index = position
                continue
            }
            // A time: 16h, 16h30, 16 giờ 30, 16:30.
            if time == nil, (0...23).contains(first.value) {
                var cursor = position
                while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
                var matchedUnit = false
                if cursor < characters.count, characters[cursor] == "h" || characters[cursor] == ":" {
                    matchedUnit = true
                    cursor += 1
                } else if cursor + 2 < characters.count, String(characters[cursor..<(cursor + 3)]) == "giờ" {
                    matchedUnit = true
                    cursor += 3
                }
                if matchedUnit {
                    while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
                    var minute = 0
                    if let parsed = number(at: cursor, maxDigits: 2), parsed.value < 60 {
                        minute = parsed.value
                        cursor = parsed.end
                    }
                    time = (first.value, minute)
                    index = cursor
                    continue
                }
            }
            index = position
        }
        let offset: Int64 = 7 * 3_600_000
        let localPosted = posted.unixMillis + offset
        let postedDay = floorDivide(localPosted, 86_400_000)
        if date == nil, time == nil {
            guard text.lowercased().contains("trong ngày") else { return nil }
            return timestamp(localMillis: postedDay * 86_400_000 + 86_340_000, offset: offset)
        }
        let minuteOfDay = Int64((time?.hour ?? 17) * 60 + (time?.minute ?? 0)) * 60_000
        var day: Int64
        if let date {
            let postedYear = Timestamp.civil(unixMillis: localPosted).year
            guard let candidate = dayNumber(year: date.year ?? postedYear, month: date.month, day: date.day) else {
                return nil
            }
            day = candidate
            if date.year == nil, postedDay - day > 183,
                let next = dayNumber(year: postedYear + 1, month: date.month, day: date.day)
            {
                day = next
            }
        } else {
            day = postedDay
            if day * 86_400_000 + minuteOfDay < localPosted { day += 1 }
        }
        return timestamp(localMillis: day * 86_400_000 + minuteOfDay, offset: offset)
    }

    /// Days since 1970-01-01 of a date, or `nil` when there is no such date (31/02).
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int64? {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        guard (1...9999).contains(year) else { return nil }
        let yearText = String(repeating: "0", count: 4 - String(year).count) + String(year)
        guard let midnight = Timestamp("\(yearText)-\(two(month))-\(two(day))T00:00:00Z") else { return nil }
        return floorDivide(midnight.unixMillis, 86_400_000)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// The timestamp of a local time, written with its offset (`…+07:00`).
    private static func timestamp(localMillis: Int64, offset: Int64) -> Timestamp? {
        let utc = Timestamp.format(unixMillis: localMillis)  // the local wall time, formatted as if UTC
        let wall = utc.dropLast(5)  // drop ".mmmZ"
        return Timestamp(wall + "+07:00")
    }
}

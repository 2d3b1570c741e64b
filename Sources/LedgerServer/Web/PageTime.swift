import GroupDomain
import LedgerCore

/// A time a reader types into a page's form: a day (`2026-11-03`, in the province's local time) or an RFC 3339 time
/// with its offset (`2026-11-03T08:00:00+07:00`).
enum PageTime {
    /// `text` as a time: an RFC 3339 time as it says, a day as its first millisecond (`endOfDay` false) or its
    /// last (`endOfDay` true) in the province's local time; `nil` when it is neither.
    static func time(_ text: String, endOfDay: Bool) -> Timestamp? {
        if let time = Timestamp(text) { return time }
        guard text.utf8.count == 10, text.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }) else {
            return nil
        }
        let offset = PageValues.clock.offsetMinutes
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        return Timestamp(text + (endOfDay ? "T23:59:59.999" : "T00:00:00") + zone)
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}

import GroupDomain
import LedgerCore
import Testing

/// Issue #11, D9: a time at the end of the year 9999 in UTC is shown in full in local time, never cut.
@Suite struct DisplayTimeEdgeTests {
    @Test func theLastInstantShowsAsTheYear10000InVietnam() throws {
        let last = try #require(Timestamp("9999-12-31T23:59:59Z"))
        #expect(DisplayTime(offsetMinutes: 420).format(last.unixMillis) == "10000-01-01 06:59 +07:00")
        #expect(DisplayTime(offsetMinutes: -570).format(last.unixMillis) == "9999-12-31 14:29 -09:30")
        let first = try #require(Timestamp("0001-01-01T00:00:00Z"))
        #expect(DisplayTime(offsetMinutes: 0).format(first.unixMillis) == "0001-01-01 00:00 +00:00")
    }
}

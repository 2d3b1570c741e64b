import GroupDomain
import LedgerCore
import Testing

@testable import LedgerImport

@Suite struct RosterCSVDecoderTests {
    static let options = RosterOptions(time: Timestamp("2026-11-02T08:00:00+07:00")!, actor: "vp-ubnd")

    static func decode(_ bytes: [UInt8], chunk: Int? = nil) -> Decoded {
        var decoder = RosterCSVDecoder(source: ImportSource(name: "roster.csv"), options: options)
        return decoder.decode(bytes, chunk: chunk)
    }

    static let header = "Họ và tên,Chức vụ,Đơn vị,Tài khoản,Nhóm,Vai trò\n"

    @Test(arguments: [nil, 1, 5])
    func theRosterGivesPeopleAccountsAndRoles(_ chunk: Int?) throws {
        let decoded = Self.decode(Fixture.bytes("roster/roster.csv"), chunk: chunk)
        #expect(decoded.rejected.isEmpty, "\(decoded.rejected)")
        for event in decoded.events { try EventCatalogue.validate(event, at: "test") }
        #expect(decoded.events(ofType: "person.registered").count == 4)
        #expect(decoded.events(ofType: "account.bound").count == 4)
        #expect(
            decoded.events(ofType: "head.assigned").map(\.group) == ["g-7301128844556677001", "g-7301128844556677999"]
        )
        #expect(decoded.events(ofType: "deputy.assigned").first?.data("person") == "p-zalo-7301000000000000004")
        let admin = try #require(decoded.events(ofType: "admin.assigned").first)
        #expect(admin.data("person") == "p-zalo-7301000000000000002")
        #expect(admin.data("assigned_by") == "p-zalo-7301000000000000001")
        let dung = try #require(
            decoded.events(ofType: "person.registered").first { $0.data("person") == "p-zalo-7301000000000000004" }
        )
        #expect(dung.data("unit") == "Sở Tài chính, tỉnh" && dung.content("full_name") == "Phạm Thu Dung")
        #expect(dung.data("source")?["row"] == 5)
    }

    @Test(arguments: [
        ("A,CV,ĐV,7.30100E+18,1,Thành viên", "spreadsheet rounded"), ("A,CV,ĐV,73x1,1,Thành viên", "not a Zalo uid"),
        ("A,CV,ĐV,7301,1,Chủ tịch", "is not a role"), ("A,CV,ĐV,7301,1,Quản trị", "no head for g-1"),
        ("A,CV\u{202E},ĐV,7301,1,Thành viên", "U+202E"), (",CV,ĐV,7301,1,", "column \"full_name\": is empty"),
        ("A,CV,ĐV,7301,,Phó nhóm", "role deputy is for a group"),
    ])
    func badRowsAreRefusedWithTheirRowAndColumn(_ row: String, _ words: String) {
        let decoded = Self.decode(Array((Self.header + "B,CV,ĐV,7302,1,\n" + row + "\n").utf8))
        #expect(decoded.rejected.count == 1, "\(row): \(decoded.rejected)")
        #expect(decoded.rejected.first?.location.number == 3)
        #expect(decoded.rejected.first?.description.contains(words) == true, "\(decoded.rejected)")
        #expect(decoded.events(ofType: "person.registered").count == 1)
    }

    @Test func onePersonsRowsMustAgree() {
        let decoded = Self.decode(Array((Self.header + "A,CV,ĐV,7301,1,\nA,Other,ĐV,7301,2,\n").utf8))
        #expect(decoded.rejected.first?.description.contains("row 2") == true, "\(decoded.rejected)")
    }

    @Test func aHeaderWithoutTheColumnsRefusesTheRoster() {
        let decoded = Self.decode(Array("Name,Phone\nA,1\n".utf8))
        #expect(decoded.events.isEmpty && decoded.rejected.count == 2)
        #expect(
            decoded.rejected.first?.reason.contains("lacks the column(s) position, unit, account, group, role") == true
        )
    }
}

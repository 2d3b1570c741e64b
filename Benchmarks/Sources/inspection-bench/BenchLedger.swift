import Foundation
import LedgerCore
import LedgerStorage

/// Writes the benchmark's ledger: 5,000 registered persons with their accounts, 7 groups with a head and an
/// admin, 60 directives with some answers, then posts (two thirds, a Vietnamese text in content), joins and
/// leaves, one event a second, up to `count` events, appended in commits of 10,000.
enum BenchLedger {
    static let persons = 5_000
    static let groups = 7

    static func write(_ root: String, count: Int) throws {
        let ledger = try Ledger.create(at: root, origin: "bench.example/inspection")
        defer { ledger.close() }
        var batch: [EventEnvelope] = []
        var total = 1
        func add(
            _ id: String,
            _ type: String,
            _ actor: String,
            _ group: String?,
            _ data: JSONValue,
            _ content: JSONValue? = nil
        ) throws {
            batch.append(
                EventEnvelope(
                    id: id,
                    type: type,
                    time: time(total),
                    actor: actor,
                    group: group,
                    data: data,
                    content: content
                )
            )
            total += 1
            if batch.count == 10_000 {
                _ = try ledger.append(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
        let middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc"]
        let given = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Nam", "Phương", "Tâm", "Yến", "Đạt"]
        for number in 0..<persons {
            let name = "\(family[number % 10]) \(middle[number / 10 % 6]) \(given[number / 60 % 12])"
            try add(
                "gov:person:\(number)",
                "person.registered",
                "vp-ubnd",
                nil,
                ["person": .string(person(number)), "position": "Chuyên viên", "unit": .string("Sở \(number % 40)")],
                ["full_name": .string(name)]
            )
            try add(
                "gov:bind:\(number)",
                "account.bound",
                "vp-ubnd",
                nil,
                ["person": .string(person(number)), "account": .string(account(number))]
            )
        }
        for number in 0..<groups {
            let id = group(number)
            try add(
                "gov:group:\(number)",
                "group.registered",
                "vp-ubnd",
                id,
                ["field": "Tài chính", "decision": "2547/QĐ-UBND"],
                ["name": .string("Nhóm công tác số \(number)")]
            )
            try add("gov:head:\(number)", "head.assigned", "vp-ubnd", id, ["person": .string(person(number))])
            try add(
                "gov:admin:\(number)",
                "admin.assigned",
                "vp-ubnd",
                id,
                ["person": .string(person(number + 10)), "assigned_by": .string(person(number))]
            )
        }
        for number in 0..<60 {
            let id = group(number % groups)
            let directive = JSONValue.string(String(format: "CD-2026-%03d", number))
            let assignees = (0..<3).map { person(100 + number * 3 + $0) }
            try add(
                "dir:\(number)",
                "directive.issued",
                "vp-ubnd",
                id,
                [
                    "directive": directive, "issuer": .string(person(number % groups)),
                    "assignees": .array(assignees.map(JSONValue.string)),
                    "due": .string(String(format: "2026-11-%02dT17:00:00+07:00", 2 + number % 25)),
                ]
            )
            for (position, assignee) in assignees.prefix(number % 4).enumerated() {
                try add(
                    "dir:\(number):\(position)",
                    position == 0 ? "directive.acknowledged" : "directive.completed",
                    "vp-ubnd",
                    id,
                    ["directive": directive, "assignee": .string(assignee)]
                )
            }
        }
        for index in total..<count {
            let id = group(index % groups)
            let actor = account(index % persons)
            if index % 3 == 2 {
                let member = JSONValue.string(String(format: "73020000000000%05d", index % 90_000))
                if index % 30 == 29 {
                    try add("ev:member:\(index)", "member.left", actor, id, ["accounts": [member]])
                } else {
                    try add("ev:member:\(index)", "member.joined", actor, id, ["accounts": [member], "via": "link"])
                }
            } else {
                try add(
                    "ev:post:\(index)",
                    "post.created",
                    actor,
                    id,
                    ["kind": "text", "message": .string(String(6_001_000_000_000_000_000 + UInt64(index)))],
                    [
                        "text": .string(
                            "Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số \(index) trước 16h00 ngày mai."
                        )
                    ]
                )
            }
        }
        if !batch.isEmpty { _ = try ledger.append(batch) }
    }

    static func person(_ number: Int) -> String { String(format: "p-%05d", number) }
    static func account(_ number: Int) -> String { String(format: "73010000000000%05d", number) }
    static func group(_ number: Int) -> String { String(format: "g-73011288445566770%02d", number) }

    /// The event time of the `index`th event: one a second from 1 November 2026.
    static func time(_ index: Int) -> Timestamp {
        Timestamp(
            String(
                format: "2026-11-%02dT%02d:%02d:%02d+07:00",
                1 + index / 86_400 % 28,
                index / 3_600 % 24,
                index / 60 % 60,
                index % 60
            )
        )!
    }
}

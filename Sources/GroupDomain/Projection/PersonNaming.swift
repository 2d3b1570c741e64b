/// How findings and reports show a person: "p-030 Nguyễn Văn An (Phó Chủ tịch UBND tỉnh, UBND tỉnh Đắk Lắk)" from
/// `person.registered`, or the id alone for an id nobody registered (an account, an office).
public struct PersonNaming: Sendable {
    private let persons: [String: PersonState]

    /// Names people as `state` registered them.
    public init(_ state: ProvinceState) {
        persons = state.persons
    }

    /// The person `id` in Vietnamese (a withheld name reads "(đã rút tên)").
    public func vi(_ id: String) -> String { describe(id, withheld: "(đã rút tên)") }

    /// The person `id` in English (a withheld name reads "(name withheld)").
    public func en(_ id: String) -> String { describe(id, withheld: "(name withheld)") }

    /// The people `ids`, each named, joined by ", ".
    public func vi(_ ids: [String]) -> String { ids.map(vi).joined(separator: ", ") }

    /// The people `ids`, each named, joined by ", ".
    public func en(_ ids: [String]) -> String { ids.map(en).joined(separator: ", ") }

    private func describe(_ id: String, withheld: String) -> String {
        guard let person = persons[id] else { return id }
        var text = id
        switch person.fullName {
        case .text(let name): text += " " + name
        case .withheld: text += " " + withheld
        case nil: break
        }
        let details = [person.position, person.unit].compactMap { $0 }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        return text
    }
}

import GroupDomain

/// A person or an account as a page shows it: the id with the person's name, position and unit where the ledger
/// knows them (``GroupDomain/PersonNaming``). An account bound to a registered person names that person.
public struct PersonRef: Sendable, Hashable {
    /// The id as the record gives it: a person id (`p-017`) or an account.
    public let id: String
    /// The person the id stands for: `id` itself for a person, the bound person for an account, `nil` when the
    /// ledger does not know one.
    public let person: String?
    /// The person's full name; `nil` when unknown or withheld (see ``isNameWithheld``).
    public let fullName: String?
    /// Whether the name was recorded and later withheld.
    public let isNameWithheld: Bool
    /// Position (chức vụ), when registered.
    public let position: String?
    /// Unit (đơn vị), when registered.
    public let unit: String?
    /// The whole line in Vietnamese: "p-030 Nguyễn Văn An (Phó Chủ tịch UBND tỉnh, UBND tỉnh Đắk Lắk)".
    public let labelVI: String
    /// The whole line in English (a withheld name reads "(name withheld)").
    public let labelEN: String

    /// Describes `id` as `state` knows it.
    init(_ id: String, in state: ProvinceState, naming: PersonNaming) {
        self.id = id
        let personID = state.persons[id] != nil ? id : state.person(of: id)
        person = personID
        let registered = personID.flatMap { state.persons[$0] }
        fullName = registered?.fullName?.text
        isNameWithheld = registered?.fullName == .withheld
        position = registered?.position
        unit = registered?.unit
        if let personID, personID != id {
            labelVI = id + " → " + naming.vi(personID)
            labelEN = id + " → " + naming.en(personID)
        } else {
            labelVI = naming.vi(id)
            labelEN = naming.en(id)
        }
    }
}

import GroupDomain
import LedgerInspection

/// The people and groups a search names: those whose id, account or name is the query, compared in search form
/// (diacritics, case and Unicode normalisation ignored), so that "nguyen van an" finds Nguyễn Văn An.
enum SearchPage {
    /// The people (as ``PageValues/person(_:_:)``) and groups (`id`, `name`, `href`) that `query` names.
    static func named(
        _ query: String,
        view: InspectionView,
        language: WebLanguage
    ) -> (people: [[String: Any]], groups: [[String: Any]]) {
        var folding = SearchFolding()
        let words = folding.words(of: query)
        guard !words.isEmpty else { return ([], []) }
        let state = view.state
        var people: [String] = []
        for person in state.persons.values.sorted(by: { $0.id < $1.id })
        where folding.words(of: person.id) == words || person.fullName?.text.map({ folding.words(of: $0) }) == words {
            people.append(person.id)
        }
        if let bound = state.person(of: query), !people.contains(bound) { people.append(bound) }
        let groups = state.groups.values.sorted { $0.id < $1.id }.filter { group in
            folding.words(of: group.id) == words || group.name?.text.map { folding.words(of: $0) } == words
        }
        return (
            people.map { PageValues.person(view.personRef($0), language) },
            groups.map { group in
                ["id": group.id, "name": group.name?.text ?? "", "href": PageValues.groupHref(group.id)]
            }
        )
    }
}

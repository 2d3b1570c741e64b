import LedgerCore
import LedgerInspection
import LedgerReplay

/// The list parameters of the findings, directives and search pages, read from a query: an empty parameter is no
/// condition (what a plain GET form sends for a field left blank); a value that cannot be read is a problem naming
/// the parameter and what it takes.
struct ListQuery {
    let query: [String: String]

    /// The parameter `name`, `nil` when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }

    /// `page` (from 1) of `size` items; a page that is not a number from 1 is a problem.
    func page(size: Int = 50) -> Result<PageRequest, ListQueryProblem> {
        guard let text = self["page"] else { return .success(PageRequest(number: 1, size: size)) }
        guard let number = Int(text), number >= 1 else {
            return .failure(ListQueryProblem(parameter: "page", value: text, expected: .pageNumber))
        }
        return .success(PageRequest(number: number, size: size))
    }

    /// `from` or `to` as Unix milliseconds: a date (`2026-11-03`, the start of that day in Việt Nam time for
    /// `from`, its end for `to`) or an RFC 3339 time.
    func time(_ name: String, endOfDay: Bool) -> Result<Int64?, ListQueryProblem> {
        guard let text = self[name] else { return .success(nil) }
        do {
            return .success(try RecordSource.time(text, option: name, endOfDay: endOfDay).unixMillis)
        } catch {
            return .failure(ListQueryProblem(parameter: name, value: text, expected: .time))
        }
    }
}

/// A list parameter that cannot be read.
struct ListQueryProblem: Error {
    /// What a parameter takes, as a label key of the explanation.
    enum Expected: String {
        case pageNumber = "expectPage"
        case time = "expectTime"
        case status = "expectStatus"
        case directiveStatus = "expectDirectiveStatus"
    }

    let parameter: String
    let value: String
    let expected: Expected

    /// The explanation in the reader's language: the parameter, its value and what it takes.
    func message(_ labels: [String: String]) -> String {
        "\(parameter)=\(value): " + (labels[expected.rawValue] ?? expected.rawValue)
    }
}

/// One page of a list, with what a pager needs.
public struct Page<Item: Sendable>: Sendable {
    /// The items on this page.
    public let items: [Item]
    /// The page asked for.
    public let request: PageRequest
    /// How many items the whole list holds.
    public let total: Int

    /// How many pages the list fills (at least 1, an empty list being one empty page).
    public var pageCount: Int { max(1, (total + request.size - 1) / request.size) }

    /// Pages `request` of `all`, making items only for the page.
    init<Source: RandomAccessCollection>(
        _ all: Source,
        request: PageRequest,
        item: (Source.Element) -> Item
    ) where Source.Index == Int {
        let range = request.range(in: all.count)
        items = range.map { item(all[all.startIndex + $0]) }
        self.request = request
        total = all.count
    }
}

extension Page: Equatable where Item: Equatable {}

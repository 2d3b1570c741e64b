/// Which page of a long list to return: pages are numbered from 1.
public struct PageRequest: Sendable, Hashable {
    /// The page, from 1.
    public let number: Int
    /// Items per page, at least 1.
    public let size: Int

    /// A page; a number below 1 reads as 1 and a size below 1 as 1.
    public init(number: Int = 1, size: Int = 50) {
        self.number = max(1, number)
        self.size = max(1, size)
    }

    /// The positions of this page in a list of `total` items (empty past the end).
    func range(in total: Int) -> Range<Int> {
        let (start, overflow) = (number - 1).multipliedReportingOverflow(by: size)
        guard !overflow, start < total else { return total..<total }
        return start..<min(total, start + size)
    }
}

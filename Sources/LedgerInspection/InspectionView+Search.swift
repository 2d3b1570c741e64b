import GroupDomain

extension InspectionView {
    /// A page of the records holding every word of `query` (newest first): ids, names, positions and units, post
    /// text — never withheld content. Insensitive to diacritics, `đ`, case and Unicode normalisation: "Đề nghị" in
    /// NFC or NFD and "de nghi" find the same records.
    public func search(_ query: String, page request: PageRequest = PageRequest()) -> Page<RecordSummary> {
        var folding = SearchFolding()
        return page(text.records(withAll: folding.words(of: query)), newestFirst: true, request: request)
    }
}

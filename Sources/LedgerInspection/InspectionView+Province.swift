extension InspectionView {
    /// The province page.
    public func province() -> ProvinceSummary { summary }
}

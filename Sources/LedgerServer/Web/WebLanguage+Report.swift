import GroupDomain

extension WebLanguage {
    /// The same language for the domain's own labels and messages (rule titles, checks, verdicts, statuses).
    var report: ReportLanguage { self == .vi ? .vi : .en }
}

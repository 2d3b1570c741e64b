extension MatchConfiguration {
    /// R7a: what counts as a classification stamp ("dấu chỉ độ mật", Circular 24/2020/TT-BCA, form 02).
    ///
    /// - A **level** ("MẬT", "TỐI MẬT", "TUYỆT MẬT") counts when it is written in capitals, when it stands alone in
    ///   quotes or brackets (“Mật”, "Tối mật", [MẬT], (mật)), or when it follows a label ("Độ mật: Mật").
    /// - A **phrase** ("tối mật", "tài liệu mật") counts in any case.
    /// - A lowercase or capitalised "mật" that is not quoted and follows no label never counts on its own.
    /// - A **false friend** ("mật khẩu", "bảo mật", "GIẢI MẬT") that overlaps a level or phrase cancels it, in any
    ///   case; so does a label that is not followed by a level ("ĐỘ MẬT: THƯỜNG").
    public struct Stamps: Sendable, Hashable {
        /// The secrecy levels, e.g. `["TUYỆT MẬT", "TỐI MẬT", "MẬT"]`.
        public var levels: [String]
        /// Labels that introduce a level, e.g. `["Độ mật"]`.
        public var labels: [String]
        /// Phrases that are stamps in any case, e.g. `["tối mật", "tài liệu mật"]`.
        public var phrases: [String]
        /// Phrases containing a level word that are not stamps.
        public var falseFriends: [String]

        /// Creates the settings.
        public init(levels: [String], labels: [String], phrases: [String], falseFriends: [String]) {
            self.levels = levels
            self.labels = labels
            self.phrases = phrases
            self.falseFriends = falseFriends
        }
    }
}

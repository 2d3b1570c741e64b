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
        /// Whether to look for the forms that are not accented whole words (``StampRecall``): levels without
        /// diacritics ("TOI MAT", "tuyet mat"), inside file names ("BC_TOI_MAT.pdf", "TOIMAT"), letter-spaced
        /// ("T Ố I  M Ậ T"), alone on a line above a title, "độ Mật", and "độ mật là Mật". Default `false` for a
        /// configuration built in code; the bundled file switches it on.
        public var recall: Bool
        /// Levels that, written in lowercase without diacritics, need context to count (a document noun or label
        /// before, quotes, or a line to themselves): `["tối mật"]`, because "toi mat" is also "tôi mất" (I lost).
        public var needContext: [String]
        /// Words that may join a label to its level: `["là", "ở mức"]` ("độ mật là Mật").
        public var labelLinks: [String]
        /// Nouns naming a document ("tài liệu", "báo cáo"); a level after one counts without diacritics in a file
        /// name or in capitals ("BAO_CAO_MAT.pdf"), and "toi mat" after one counts in lowercase.
        public var documentNouns: [String]

        /// Creates the settings.
        public init(
            levels: [String],
            labels: [String],
            phrases: [String],
            falseFriends: [String],
            recall: Bool = false,
            needContext: [String] = [],
            labelLinks: [String] = [],
            documentNouns: [String] = []
        ) {
            self.levels = levels
            self.labels = labels
            self.phrases = phrases
            self.falseFriends = falseFriends
            self.recall = recall
            self.needContext = needContext
            self.labelLinks = labelLinks
            self.documentNouns = documentNouns
        }
    }
}

/// The short Vietnamese and English explanations attached to each ``TextMatch``, quoting the seed decision's words.
enum MatchMessages {
    /// R7a, a classification stamp.
    static func stamp(_ term: String) -> (vi: String, en: String) {
        (
            "Dấu chỉ độ mật “\(term)”: không đăng tải văn bản, thông tin có tính chất “Mật”, “Tối mật”, "
                + "“Tuyệt mật” lên nhóm (R7a).",
            "Classification stamp “\(term)”: documents and information classified as state secrets must not be "
                + "posted in the group (R7a)."
        )
    }

    /// R7b, a link to a host outside the official domains.
    static func unofficialLink(_ host: String) -> (vi: String, en: String) {
        (
            "Liên kết đến \(host), không thuộc danh sách nguồn chính thống: cần kiểm tra nguồn gốc thông tin (R7b).",
            "Link to \(host), which is not on the list of official sources: check where the information comes from "
                + "(R7b)."
        )
    }

    /// R7c, a listed unlawful or insulting word.
    static func unlawfulWord(_ term: String) -> (vi: String, en: String) {
        (
            "Từ ngữ “\(term)” trong danh sách vi phạm pháp luật, xúc phạm danh dự, nhân phẩm (R7c).",
            "“\(term)” is on the list of unlawful or insulting wording (R7c)."
        )
    }

    /// R7c, weighed evidence: the score, and each group with its weight.
    static func weighedUnlawful(
        score: Int,
        threshold: Int,
        groups: [(name: String, weight: Int)],
        terms: String
    )
        -> (vi: String, en: String)
    {
        let list = weightList(groups)
        return (
            "Dấu hiệu nội dung vi phạm pháp luật, xúc phạm danh dự, nhân phẩm, điểm \(score) ≥ \(threshold) (\(list)): "
                + "\(terms) (R7c).",
            "Signs of unlawful or insulting content, score \(score) ≥ \(threshold) (\(list)): \(terms) (R7c)."
        )
    }

    /// Groups with their signed weights: "insult +4, target +2".
    private static func weightList(_ groups: [(name: String, weight: Int)]) -> String {
        groups.map { "\($0.name) \($0.weight >= 0 ? "+" : "")\($0.weight)" }.joined(separator: ", ")
    }

    /// R7d, a listed offensive word.
    static func offensiveWord(_ term: String) -> (vi: String, en: String) {
        (
            "Từ ngữ phản cảm “\(term)” (R7d).",
            "“\(term)” is on the list of offensive words (R7d)."
        )
    }

    /// R7d, an emoji.
    static func emoji(_ emoji: String) -> (vi: String, en: String) {
        (
            "Biểu tượng (icon) thể hiện cảm xúc cá nhân: \(emoji) (R7d).",
            "Emoji \(emoji), an icon expressing personal emotion (R7d)."
        )
    }

    /// R7d, an ASCII emoticon or Zalo shortcode.
    static func emoticon(_ term: String) -> (vi: String, en: String) {
        (
            "Biểu tượng cảm xúc dạng ký tự “\(term)” (R7d).",
            "Emoticon “\(term)”, an icon expressing personal emotion (R7d)."
        )
    }

    /// R7e, weighed evidence: the score, and each group with its weight.
    static func weighedAdvert(
        score: Int,
        threshold: Int,
        groups: [(name: String, weight: Int)],
        terms: String
    )
        -> (vi: String, en: String)
    {
        let list = weightList(groups)
        return (
            "Dấu hiệu quảng cáo, mua bán, điểm \(score) ≥ \(threshold) (\(list)): \(terms) (R7e).",
            "Signs of advertising or selling, score \(score) ≥ \(threshold) (\(list)): \(terms) (R7e)."
        )
    }

    /// R7e, co-occurring advertising signals.
    static func advert(groups: [String], terms: String) -> (vi: String, en: String) {
        let groupList = groups.joined(separator: ", ")
        return (
            "Dấu hiệu quảng cáo, mua bán (\(groupList)): \(terms) (R7e).",
            "Signs of advertising or selling (\(groupList)): \(terms) (R7e)."
        )
    }
}

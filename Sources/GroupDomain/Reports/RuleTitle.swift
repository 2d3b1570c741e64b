/// The one-line statement of each rule of `docs/rules.md` (Decision 2547/QĐ-UBND), for report summaries.
public enum RuleTitle {
    /// The rules the checker reports on, in report order.
    public static let rules = ["R1", "R2", "R3", "R4", "R5", "R6", "R7a", "R7b", "R7c", "R7d", "R7e", "R9"]

    /// The statement of `rule` in `language`.
    public static func of(_ rule: String, _ language: ReportLanguage) -> String {
        let titles: (vi: String, en: String)
        switch rule {
        case "R1": titles = ("Mỗi nhóm có Trưởng Nhóm", "Each group has a head (Trưởng Nhóm)")
        case "R2": titles = ("Chỉ đạo của Trưởng Nhóm là mệnh lệnh hành chính", "A head's directive is an order")
        case "R3": titles = ("Một quản trị duy nhất, do Trưởng Nhóm giao", "Exactly one admin, assigned by the head")
        case "R4": titles = ("Đổi tài khoản phải báo cáo qua quản trị", "Account changes reported through the admin")
        case "R5": titles = ("Thành viên xác nhận nội quy", "Members acknowledge the rules")
        case "R6": titles = ("Chỉ trao đổi công việc, rõ ràng, dễ hiểu (gợi ý)", "Work only, clear (review hints)")
        case "R7a": titles = ("Không đăng tài liệu Mật, Tối mật, Tuyệt mật", "No classified material")
        case "R7b": titles = ("Không đăng thông tin từ nguồn không chính thống", "No unofficial or unreliable sources")
        case "R7c": titles = ("Không đăng nội dung vi phạm pháp luật, xúc phạm", "No unlawful or insulting content")
        case "R7d": titles = ("Không dùng biểu tượng cảm xúc cá nhân", "No personal emotion icons")
        case "R7e": titles = ("Không quảng cáo, mua bán", "No advertising, buying or selling")
        case "R9":
            titles = ("Phản hồi, báo cáo tiến độ chỉ đạo đúng hạn", "Answer directives and report progress in time")
        default: titles = (rule, rule)
        }
        return language == .vi ? titles.vi : titles.en
    }

    /// The code of conduct reports cite next to content findings (R8).
    public static func conduct(_ language: ReportLanguage) -> String {
        language == .vi
            ? "R8: Bộ Quy tắc ứng xử trên mạng xã hội, Điều 5, Quyết định số 874/QĐ-BTTTT ngày 17/6/2021."
            : "R8: Code of conduct on social networks, Article 5, Decision 874/QĐ-BTTTT of 17 June 2021."
    }
}

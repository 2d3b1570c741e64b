/// The language of a report's labels and messages.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case vi
    case en
}

extension ReportLanguage {
    /// `vi` or `en`, whichever this language is.
    func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

extension ReportLanguage {
    /// A directive status for people.
    public func label(_ status: DirectiveStatus) -> String {
        switch status {
        case .issued: pick("đã giao", "issued")
        case .acknowledged: pick("đã xác nhận", "acknowledged")
        case .progress: pick("đang thực hiện", "in progress")
        case .difficulty: pick("báo khó khăn", "difficulty reported")
        case .completed: pick("hoàn thành", "completed")
        case .cancelled: pick("đã hủy", "cancelled")
        }
    }

    /// How an acknowledgement was seen, for people.
    public func label(_ evidence: DirectiveRow.Evidence) -> String {
        switch evidence {
        case .recorded: pick("ghi nhận", "recorded")
        case .reply: pick("trả lời", "reply")
        case .reaction: pick("thả biểu tượng", "reaction")
        }
    }

    /// A review's verdict for people; an unknown verdict as written.
    public func label(verdict: String) -> String {
        switch verdict {
        case "confirmed": pick("xác nhận vi phạm", "confirmed")
        case "dismissed": pick("bác bỏ", "dismissed")
        case "escalated": pick("chuyển cấp trên", "escalated")
        default: verdict
        }
    }

    /// A finding's check for people; an unknown check as written.
    public func label(check: String) -> String {
        guard self == .vi else { return check }
        switch check {
        case "no-head": return "không có Trưởng Nhóm"
        case "no-admin": return "không có quản trị"
        case "two-admins": return "hai quản trị"
        case "not-by-head": return "quản trị không do Trưởng Nhóm giao"
        case "not-via-admin": return "không báo qua quản trị"
        case "not-approved-by-head": return "Trưởng Nhóm chưa duyệt"
        case "unbound-account": return "tài khoản chưa đăng ký"
        case "unreported-switch": return "đổi tài khoản không báo cáo"
        case "no-acknowledgement": return "chưa xác nhận"
        case "no-progress": return "chưa báo cáo tiến độ"
        case "post": return "bài đăng"
        case "not-withheld": return "chưa rút nội dung"
        case "hint": return "gợi ý xem xét"
        case "issuer-not-head": return "không do Trưởng Nhóm ban hành"
        case "unconfirmed": return "chưa được xác nhận"
        case "head-not-leader": return "Trưởng Nhóm không phải lãnh đạo tỉnh"
        case "head-not-in-charge": return "Trưởng Nhóm không phụ trách lĩnh vực"
        case "head-not-member": return "Trưởng Nhóm không ở trong nhóm"
        case "admin-not-member": return "quản trị không ở trong nhóm"
        case "platform-admin-unassigned": return "phó nhóm trên Zalo không được giao"
        default: return check
        }
    }
}

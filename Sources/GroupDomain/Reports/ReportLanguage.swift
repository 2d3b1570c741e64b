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
    func label(_ status: DirectiveStatus) -> String {
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
    func label(_ evidence: DirectiveRow.Evidence) -> String {
        switch evidence {
        case .recorded: pick("ghi nhận", "recorded")
        case .reply: pick("trả lời", "reply")
        case .reaction: pick("thả biểu tượng", "reaction")
        }
    }

    /// A review's verdict for people; an unknown verdict as written.
    func label(verdict: String) -> String {
        switch verdict {
        case "confirmed": pick("xác nhận vi phạm", "confirmed")
        case "dismissed": pick("bác bỏ", "dismissed")
        case "escalated": pick("chuyển cấp trên", "escalated")
        default: verdict
        }
    }
}

extension WebLabels {
    /// The labels of the findings, one finding, directives and search pages.
    static let findingsPart: [String: (vi: String, en: String)] = [
        "findings": ("Phát hiện", "Findings"),
        "finding": ("Phát hiện", "Finding"),
        "rule": ("Quy định", "Rule"),
        "any": ("Tất cả", "Any"),
        "subject": ("Người liên quan", "Person concerned"),
        "status": ("Tình trạng", "Status"),
        "from": ("Từ ngày", "From"),
        "to": ("Đến ngày", "To"),
        "filter": ("Lọc", "Filter"),
        "clearFilter": ("Bỏ lọc", "Clear the filter"),
        "total": ("Tổng số", "Total"),
        "noFindings": ("Không có phát hiện nào khớp bộ lọc.", "No finding matches the filter."),
        "severity": ("Mức độ", "Severity"),
        "found": ("Nội dung phát hiện", "What was found"),
        "check": ("Kiểm tra", "Check"),
        "finding_open": ("đang mở", "open"),
        "finding_resolved": ("đã chấm dứt", "resolved"),
        "finding_dismissed": ("đã bác bỏ", "dismissed"),
        "decision": (
            "Trích Quyết định 2547/QĐ-UBND (Đắk Lắk, 2021), Nội quy quản lý và sử dụng các nhóm Zalo; bản tiếng Anh "
                + "là bản dịch.",
            "From Decision 2547/QĐ-UBND (Đắk Lắk, 2021), the house rules of the Zalo work groups; the English is a "
                + "translation."
        ),
        "resolvedBy": ("Chấm dứt bởi", "Ended by"),
        "evidence": ("Bằng chứng", "Evidence"),
        "captureGaps": ("Khoảng thời gian không thu thập được", "Capture gaps"),
        "reviews": ("Lịch sử xem xét", "Review history"),
        "noReviews": ("Chưa ai xem xét phát hiện này.", "Nobody has reviewed this finding yet."),
        "verdict": ("Kết luận", "Verdict"),
        "reviewer": ("Người xem xét", "Reviewer"),
        "note": ("Ghi chú", "Note"),
        "findingMissing": (
            "Mô hình tra cứu không có phát hiện với mã này.",
            "The inspection model holds no finding with this id."
        ),
        "pages": ("Các trang", "Pages"),
        "page": ("Trang", "Page"),
        "previousPage": ("Trang trước", "Previous page"),
        "nextPage": ("Trang sau", "Next page"),
        "expectPage": ("số trang phải là một số từ 1 trở lên.", "a page is a number from 1."),
        "expectTime": (
            "cần một ngày như 2026-11-03 hoặc một thời điểm RFC 3339 như 2026-11-03T07:45:00+07:00.",
            "takes a date such as 2026-11-03 or an RFC 3339 time such as 2026-11-03T07:45:00+07:00."
        ),
        "expectStatus": ("tình trạng là open, resolved hoặc dismissed.", "a status is open, resolved or dismissed."),
        "expectDirectiveStatus": (
            "tình trạng là issued, acknowledged, progress, difficulty, completed, cancelled hoặc overdue.",
            "a status is issued, acknowledged, progress, difficulty, completed, cancelled or overdue."
        ),
        "directives": ("Chỉ đạo", "Directives"),
        "noDirectives": ("Không có chỉ đạo nào khớp bộ lọc.", "No directive matches the filter."),
        "overdue": ("quá hạn", "overdue"),
        "cancelled": ("đã hủy", "cancelled"),
        "issuer": ("Người chỉ đạo", "Issued by"),
        "issued": ("Ban hành", "Issued"),
        "due": ("Hạn", "Due"),
        "sourcePost": ("Tin nhắn gốc", "Source post"),
        "assignee": ("Người được giao", "Assignee"),
        "acknowledged": ("Xác nhận", "Acknowledged"),
        "progress": ("Tiến độ", "Progress"),
        "completed": ("Hoàn thành", "Completed"),
        "search": ("Tìm kiếm", "Search"),
        "searchWords": ("Từ khóa", "Words"),
        "searchHint": (
            "Tìm theo mã, tên và nội dung; không phân biệt dấu, chữ hoa và cách gõ Unicode.",
            "Finds ids, names and text, ignoring diacritics, case and Unicode normalisation."
        ),
        "namedByQuery": ("Người và nhóm có mã hoặc tên này", "People and groups with this id or name"),
        "noResults": ("Không có bản ghi nào chứa mọi từ đã tìm.", "No record holds every word searched."),
    ]
}

extension WebLabels {
    /// The labels of `/export`, the inspection archive.
    static let export: [String: (vi: String, en: String)] = [
        "exportTitle": ("Trích xuất hồ sơ thanh tra", "Export for an inspection"),
        "exportIntro": (
            "Một tệp .tar gồm các bản ghi đã chọn, nội dung (hoặc thông báo giữ lại), bằng chứng bao hàm, điểm kiểm "
                + "tra đã ký và trang bìa để đọc — đủ cho hồ sơ thanh tra hoặc tòa án.",
            "One .tar file with the chosen records, their content (or withholding notices), inclusion proofs, the "
                + "signed checkpoint and a readable cover page — what an inspection file or a court needs."
        ),
        "exportByRecords": ("Theo số bản ghi", "By record numbers"),
        "exportSeqs": ("Số bản ghi và khoảng", "Record numbers and ranges"),
        "exportByGroup": ("Theo nhóm và khoảng thời gian", "By group and time range"),
        "exportGroup": ("Nhóm", "Group"),
        "exportFrom": ("Từ ngày", "From"),
        "exportTo": ("Đến ngày", "To"),
        "exportByFinding": ("Bằng chứng của một phát hiện", "The evidence of a finding"),
        "exportFindingID": ("Mã phát hiện", "Finding id"),
        "exportFinding": ("Phát hiện", "Finding"),
        "exportEvidence": ("Bản ghi làm bằng chứng", "Evidence records"),
        "exportShow": ("Xem", "Show"),
        "exportPurpose": ("Mục đích (ghi trên trang bìa)", "Purpose (on the cover page)"),
        "exportDownload": ("Tải hồ sơ .tar", "Download the .tar"),
        "exportLimit": ("Mỗi hồ sơ chứa tối đa 10.000 bản ghi.", "An archive holds at most 10,000 records."),
        "exportRefused": ("Không trích xuất được", "Cannot export"),
    ]
}

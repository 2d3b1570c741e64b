extension WebLabels {
    /// The province page's anchor part of the integrity panel.
    static let anchorPart: [String: (vi: String, en: String)] = [
        "anchor": ("Mốc neo", "Anchor"),
        "anchored": (
            "ĐÃ NEO: điểm kiểm tra mới nhất lưu trong checkpoints/ khớp với các bản ghi của sổ cái.",
            "ANCHORED: the newest checkpoint kept in checkpoints/ agrees with the ledger's records."
        ),
        "anchorDisagrees": (
            "KHÔNG KHỚP: điểm kiểm tra lưu trong checkpoints/ không khớp với các bản ghi hiện có của sổ cái; "
                + "hãy chạy groupledger verify để biết vì sao.",
            "DOES NOT AGREE: the checkpoint kept in checkpoints/ does not match the ledger's records now; run "
                + "groupledger verify to learn why."
        ),
        "notAnchored": (
            "CHƯA NEO: không có điểm kiểm tra nào lưu trong checkpoints/ (groupledger checkpoint --add lưu điểm kiểm "
                + "tra đã được nhân chứng đồng ký); điểm kiểm tra chỉ dựa vào khóa của chính sổ cái.",
            "NOT ANCHORED: no checkpoint is kept in checkpoints/ (groupledger checkpoint --add keeps one that "
                + "witnesses cosigned); the checkpoint rests on the ledger's own key alone."
        ),
        "anchorFile": ("Tệp", "File"),
        "afterAnchor": ("Bản ghi sau mốc neo", "Records after the anchor"),
        "anchorNoWitness": (
            "Không nhân chứng nào đồng ký điểm kiểm tra này: nó chỉ là mốc neo khi một bản sao được giữ ở nơi cơ "
                + "quan không sửa được.",
            "No witness cosigned this checkpoint: it anchors only while a copy is kept where the office cannot "
                + "change it."
        ),
        "anchorSignatures": (
            "Chữ ký ở đây được liệt kê, không được kiểm: groupledger verify --witness KHÓA --quorum K kiểm chúng.",
            "The signatures are listed here, not checked: groupledger verify --witness KEY --quorum K checks them."
        ),
        "anchorUnreadable": ("Không đọc được mốc neo", "The anchor cannot be read"),
    ]
}

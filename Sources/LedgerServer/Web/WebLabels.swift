/// Every label of the web view in Vietnamese and English: one table, so that a translation is checked in one place
/// (a test checks that each `{{t.key}}` of the templates is here).
enum WebLabels {
    static let table: [String: (vi: String, en: String)] = [
        "appName": ("Sổ cái nhóm Zalo", "Zalo group ledger"),
        "home": ("Trang chủ", "Home"),
        "preparing": ("Đang chuẩn bị", "Preparing"),
        "preparingModel": (
            "Máy chủ đang dựng lại dữ liệu tra cứu từ sổ cái; vui lòng thử lại sau giây lát.",
            "The server is building the inspection data from the ledger; try again in a moment."
        ),
        "logout": ("Đăng xuất", "Log out"),
        "login": ("Đăng nhập", "Log in"),
        "loginIntro": (
            "Dán mã truy cập của thanh tra (vai trò auditor) do groupledger token add cấp.",
            "Paste an auditor access token made by groupledger token add."
        ),
        "token": ("Mã truy cập", "Access token"),
        "integrity": ("Tính toàn vẹn", "Integrity"),
        "origin": ("Nguồn sổ cái", "Ledger origin"),
        "size": ("Số bản ghi", "Records"),
        "root": ("Mã băm gốc", "Root hash"),
        "checkpoint": ("Điểm kiểm tra đã ký", "Signed checkpoint"),
        "signatures": ("Chữ ký", "Signatures"),
        "signer": ("Người ký", "Signer"),
        "keyID": ("Mã khóa", "Key ID"),
        "kind": ("Loại", "Kind"),
        "cosignedAt": ("Thời điểm đồng ký", "Cosigned at"),
        "logKey": ("khóa của sổ cái", "ledger key"),
        "witness": ("nhân chứng", "witness"),
        "noWitness": (
            "Chưa có nhân chứng nào đồng ký điểm kiểm tra này.",
            "No witness has cosigned this checkpoint."
        ),
        "recent": ("Bản ghi mới nhất", "Newest records"),
        "noRecords": ("Sổ cái chưa có bản ghi nào.", "The ledger has no records yet."),
        "record": ("Bản ghi", "Record"),
        "seq": ("Số thứ tự", "Sequence number"),
        "type": ("Loại sự kiện", "Event type"),
        "time": ("Thời điểm", "Time"),
        "actor": ("Người thực hiện", "Actor"),
        "group": ("Nhóm", "Group"),
        "event": ("Sự kiện đã lưu", "Stored event"),
        "field": ("Trường", "Field"),
        "value": ("Giá trị", "Value"),
        "appendedAt": ("Ghi vào sổ lúc", "Appended at"),
        "leafHash": ("Mã băm lá", "Leaf hash"),
        "prev": ("Mã băm bản ghi trước", "Previous record's hash"),
        "content": ("Nội dung", "Content"),
        "noContent": ("Bản ghi này không có nội dung riêng.", "This record has no separate content."),
        "withheld": ("Nội dung đã bị giữ lại", "Content withheld"),
        "withheldNote": (
            "Nội dung không còn được lưu; cam kết của nó vẫn nằm trong bản ghi nên mọi chứng minh vẫn đúng.",
            "The content is no longer stored; its commitment stays in the record, so every proof still holds."
        ),
        "orderedBy": ("Người ra lệnh", "Ordered by"),
        "withheldAt": ("Thời điểm", "When"),
        "reason": ("Lý do", "Reason"),
        "bySeq": ("Bản ghi ra lệnh", "Ordering record"),
        "proof": ("Chứng minh bao hàm", "Inclusion proof"),
        "proofIntro": (
            "Tải tệp chứng minh rồi kiểm tra ngoại tuyến: groupledger proof verify TỆP --vkey KHÓA --record BẢN_GHI",
            "Download the proof and check it offline: groupledger proof verify FILE --vkey KEY --record RECORD"
        ),
        "download": ("Tải chứng minh (c2sp.org/tlog-proof@v1)", "Download the proof (c2sp.org/tlog-proof@v1)"),
        "previous": ("Bản ghi trước", "Previous record"),
        "next": ("Bản ghi sau", "Next record"),
        "notFound": ("Không tìm thấy", "Not found"),
        "refused": ("Từ chối truy cập", "Access refused"),
        "badRequest": ("Yêu cầu không hợp lệ", "Bad request"),
        "failed": ("Không đọc được sổ cái", "The ledger cannot be read"),
        "readOnly": ("Chỉ đọc", "Read only"),
        "loginFailed": (
            "Mã không đúng hoặc đã bị thu hồi. Hãy dùng một mã auditor còn hiệu lực (groupledger token list).",
            "The token is wrong or revoked. Use an auditor token that is still valid (groupledger token list)."
        ),
        "importerRefused": (
            "Mã này thuộc vai trò importer, chỉ dùng để gửi sự kiện. Trang xem chỉ dành cho vai trò auditor: "
                + "hãy xin một mã auditor (groupledger token add --role auditor).",
            "This token has the importer role, which only sends events. The web view is for the auditor role: "
                + "ask for an auditor token (groupledger token add --role auditor)."
        ),
        "linkUsed": (
            "Liên kết đăng nhập một lần này đã được dùng hoặc không đúng. Khởi động lại serve để có liên kết mới.",
            "This one-time login link was used already or is wrong. Restart serve for a new one."
        ),
        "badSeq": ("Số thứ tự phải là một số thập phân.", "A sequence number is a plain decimal number."),
        "recordMissing": (
            "Điểm kiểm tra hiện tại không chứa bản ghi này.",
            "The current checkpoint does not hold this record."
        ),
        "methodNotAllowed": ("Trang này không nhận phương thức đó.", "This page does not take that method."),
        "badForm": (
            "Hãy gửi biểu mẫu đăng nhập (application/x-www-form-urlencoded, dưới 8 KiB).",
            "Send the login form (application/x-www-form-urlencoded, under 8 KiB)."
        ),
        "noPage": ("Không có trang này.", "There is no such page."),
    ].merging(export) { own, _ in own }.merging(provinceGroupPerson) { core, _ in core }
        .merging(findingsPart) { table, _ in table }.merging(anchorPart) { table, _ in table }

    /// The labels in `language`, keyed as in ``table``.
    static func labels(_ language: WebLanguage) -> [String: String] {
        table.mapValues { language == .vi ? $0.vi : $0.en }
    }
}

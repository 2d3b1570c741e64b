/// The words of Decision 2547/QĐ-UBND behind each rule, in Vietnamese as the decision has them and in English, for a
/// reader who wants to see what a finding is measured against (the rule table of the project's `rules.md`).
public enum RuleWording {
    /// The decision's sentence for `rule` (`R1`…`R9`, `R7a`…`R7e`) in Vietnamese and in English; `nil` for an id
    /// that is not one of the rules.
    public static func of(_ rule: String) -> (vi: String, en: String)? {
        wording[rule]
    }

    private static let forbidden = "Không đăng tải, chia sẻ các nội dung sau đây lên Nhóm Zalo UBND tỉnh: "
    private static let forbiddenEN = "Do not post or share the following in the provincial People's Committee group: "

    private static let wording: [String: (vi: String, en: String)] = [
        "R1": (
            "Đối với thành viên là lãnh đạo UBND tỉnh là Trưởng Nhóm của Nhóm Zalo UBND tỉnh thuộc lĩnh vực mình phụ "
                + "trách.",
            "A member who is a leader of the provincial People's Committee is the head (Trưởng Nhóm) of the "
                + "committee's Zalo group for the field they are in charge of."
        ),
        "R2": (
            "Các chỉ đạo của lãnh đạo UBND tỉnh trên Nhóm Zalo UBND tỉnh là mệnh lệnh hành chính.",
            "The directives of the provincial leaders in the committee's Zalo group are administrative orders."
        ),
        "R3": (
            "Mỗi Nhóm Zalo UBND tỉnh có một thành viên làm nhiệm vụ quản trị nhóm và do lãnh đạo UBND tỉnh giao.",
            "Each of the committee's Zalo groups has one member who administers the group, assigned by the "
                + "provincial leader."
        ),
        "R4": (
            "Khi thành viên thay đổi tài khoản Zalo thì phải báo cáo lãnh đạo UBND tỉnh thông qua thành viên quản "
                + "trị để kịp thời chỉ đạo thay đổi, cập nhật thông tin.",
            "A member who changes Zalo account reports it to the provincial leader through the admin, so that the "
                + "change can be directed and the information updated in time."
        ),
        "R5": (
            "Văn phòng UBND tỉnh có trách nhiệm tổ chức triển khai các nội dung quy định trong Nội quy này đến tất cả "
                + "các cơ quan, đơn vị, thành viên tham gia Nhóm Zalo UBND tỉnh được biết và áp dụng.",
            "The office of the provincial People's Committee rolls these rules out to every agency, unit and member "
                + "of the committee's Zalo groups, for them to know and apply."
        ),
        "R6": (
            "Các thành viên chỉ trao đổi những nội dung liên quan đến công việc thực hiện nhiệm vụ chung của Nhóm "
                + "Zalo UBND tỉnh, nội dung tin nhắn phải rõ ràng, dễ hiểu.",
            "Members exchange only what concerns the work of the group's common tasks; messages must be clear and "
                + "easy to understand."
        ),
        "R7a": (
            forbidden + "Những văn bản và nội dung, thông tin có tính chất “Mật”, “Tối mật”, “Tuyệt mật” theo quy "
                + "định của pháp luật.",
            forbiddenEN + "documents, content and information classified “Mật” (confidential), “Tối mật” (secret) "
                + "or “Tuyệt mật” (top secret) under the law."
        ),
        "R7b": (
            forbidden + "Những thông tin có nguồn gốc không chính thống, không đáng tin cậy.",
            forbiddenEN + "information from unofficial or unreliable sources."
        ),
        "R7c": (
            forbidden + "Những nội dung vi phạm pháp luật, các thông tin xúc phạm danh dự, nhân phẩm ảnh hưởng đến "
                + "quyền và lợi ích hợp pháp của các tổ chức, cá nhân khác.",
            forbiddenEN + "unlawful content, or information insulting the honour and dignity of others and harming "
                + "the lawful rights and interests of other organisations and persons."
        ),
        "R7d": (
            forbidden + "Những hình ảnh, âm thanh, từ ngữ phản cảm, vi phạm thuần phong mỹ tục, biểu tượng (icon) "
                + "thể hiện cảm xúc cá nhân.",
            forbiddenEN + "offensive images, sounds or words against good customs, and symbols (icons) expressing "
                + "personal emotion."
        ),
        "R7e": (
            forbidden + "Những nội dung quảng cáo, giới thiệu, mua, bán sản phẩm hàng hóa phục vụ nhu cầu, lợi ích "
                + "của cá nhân.",
            forbiddenEN + "advertising, presenting, buying or selling goods for personal needs or benefit."
        ),
        "R8": (
            "Thực hiện nghiêm túc các Quy tắc ứng xử cho cán bộ, công chức, viên chức và người lao động trong cơ quan "
                + "nhà nước theo Điều 5, Quyết định số 874/QĐ-BTTTT ngày 17/6/2021 của Bộ trưởng Bộ Thông tin và "
                + "Truyền thông về việc ban hành bộ quy tắc ứng xử trên mạng xã hội.",
            "Strictly follow the code of conduct for officials, civil servants, public employees and workers of "
                + "state agencies under Article 5 of Decision 874/QĐ-BTTTT of 17 June 2021 of the Minister of "
                + "Information and Communications on the code of conduct on social networks."
        ),
        "R9": (
            "Thường xuyên theo dõi nội dung, thông tin được trao đổi, chia sẻ trên Nhóm Zalo UBND tỉnh để kịp thời "
                + "triển khai các nhiệm vụ được giao. Chịu trách nhiệm trước Lãnh đạo UBND tỉnh về việc tiếp nhận và "
                + "xử lý thông tin. Kịp thời phản hồi, trao đổi các vấn đề khó khăn, vướng mắc, tiến độ thực hiện các "
                + "nhiệm vụ theo chỉ đạo của lãnh đạo UBND tỉnh.",
            "Follow what is exchanged and shared in the group, so as to carry out assigned tasks in time; answer to "
                + "the provincial leaders for receiving and handling information; promptly respond and report "
                + "difficulties, obstacles and the progress of tasks the provincial leaders directed."
        ),
    ]
}

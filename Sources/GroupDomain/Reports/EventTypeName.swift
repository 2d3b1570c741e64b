public import LedgerCore

/// What each event type is, in Vietnamese, for listings such as `groupledger log --lang vi`.
public enum EventTypeName {
    /// The Vietnamese name of `type` (`post.created` → "đăng tin"), or `nil` for a type this table does not know.
    public static func vietnamese(_ type: EventType) -> String? { names[type] }

    private static let names: [EventType: String] = [
        .groupRegistered: "đăng ký nhóm",
        .headAssigned: "giao Trưởng Nhóm",
        .deputyAssigned: "giao Phó Trưởng Nhóm",
        .adminAssigned: "giao quản trị",
        .adminUnassigned: "thôi giao quản trị",
        .personRegistered: "đăng ký cán bộ",
        .accountBound: "gắn tài khoản",
        .accountUnbound: "gỡ tài khoản",
        .accountChangeReported: "báo cáo đổi tài khoản",
        .accountChangeApproved: "duyệt đổi tài khoản",
        .rulesAcknowledged: "xác nhận nội quy",
        .findingReviewed: "xem xét phát hiện",
        .groupCreated: "tạo nhóm",
        .groupRenamed: "đổi tên nhóm",
        .groupSettingsChanged: "đổi cài đặt nhóm",
        .groupAdminAdded: "thêm phó nhóm trên Zalo",
        .groupAdminRemoved: "bỏ phó nhóm trên Zalo",
        .groupPlatformEvent: "sự kiện khác của Zalo",
        .memberJoined: "vào nhóm",
        .memberLeft: "rời nhóm",
        .memberRemoved: "bị mời ra khỏi nhóm",
        .memberBlocked: "bị chặn",
        .postCreated: "đăng tin",
        .postRecalled: "thu hồi tin",
        .postRemoved: "xóa tin",
        .reactionAdded: "thả biểu tượng",
        .messageSeen: "đã xem",
        .messageDelivered: "đã nhận",
        .captureStarted: "bắt đầu thu thập",
        .captureStopped: "dừng thu thập",
        .directiveIssued: "ban hành chỉ đạo",
        .directiveAcknowledged: "xác nhận chỉ đạo",
        .directiveProgressReported: "báo cáo tiến độ",
        .directiveDifficultyReported: "báo khó khăn",
        .directiveCompleted: "hoàn thành chỉ đạo",
        .directiveCancelled: "hủy chỉ đạo",
        .ledgerInitialized: "khởi tạo sổ cái",
        .ledgerKeyRotated: "đổi khóa ký",
        .ledgerKeyRetired: "thôi dùng khóa ký",
        .ledgerContentWithheld: "rút nội dung",
    ]
}

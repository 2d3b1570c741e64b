extension RuleConfiguration {
    /// The bundled defaults, as the JSON a configuration file starts from (`groupledger audit --print-config`).
    ///
    /// A file given with `--config` only needs the members it changes; every other member keeps this value.
    public static let defaultJSON = #"""
        {
          "display_offset_minutes": 420,
          "severity": {
            "R1": "high",
            "R2": "medium",
            "R2:unconfirmed": "low",
            "R3": "high",
            "R3:not-by-head": "medium",
            "R3:platform-admin-unassigned": "medium",
            "R4": "high",
            "R4:not-via-admin": "low",
            "R4:not-approved-by-head": "medium",
            "R4:unbound-account": "low",
            "R5": "low",
            "R6": "info",
            "R7a": "critical",
            "R7b": "medium",
            "R7c": "high",
            "R7d": "low",
            "R7e": "medium",
            "R9": "medium"
          },
          "R1": { "grace_hours": 72, "leader_positions": ["Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"] },
          "R2": { "confirmation_hours": 48 },
          "R3": { "no_admin_grace_hours": 72, "two_admins_grace_hours": 24, "role_mismatch_grace_hours": 24 },
          "R4": { "flag_unbound_accounts": true },
          "R5": { "acknowledgement_window_hours": 168 },
          "R6": {
            "social_phrases": [
              "chúc mừng sinh nhật", "sinh nhật vui vẻ", "chúc ngủ ngon", "chào buổi sáng", "chúc cuối tuần vui vẻ",
              "chúc mừng năm mới", "happy birthday", "good morning"
            ],
            "all_caps_letters": 20
          },
          "R7": { "emotion_post_kinds": ["sticker", "gif"], "check_attachments": true },
          "R9": {
            "acknowledgement_hours": 24,
            "quoting_reply_acknowledges": true,
            "reaction_acknowledges": true
          },
          "candidates": {
            "openers": ["đề nghị", "yêu cầu", "giao", "chỉ đạo"],
            "deadline_words": ["trước", "chậm nhất", "hạn chót", "trong ngày"]
          }
        }
        """#
}

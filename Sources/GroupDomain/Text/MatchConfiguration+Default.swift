extension MatchConfiguration {
    /// The bundled configuration: ``defaultJSON``, the text of `Fixtures/config/rules.json`.
    public static let `default`: MatchConfiguration = {
        do {
            return try MatchConfiguration(json: Array(defaultJSON.utf8))
        } catch {
            fatalError("the bundled text rules do not load: \(error)")
        }
    }()

    /// The text of `Fixtures/config/rules.json`, the file a province copies and edits.
    ///
    /// The two are kept byte-identical (apart from the file's final newline); `TextConfigurationTests` fails when they
    /// differ. Edit the file, then paste it here.
    public static let defaultJSON = #"""
        {
            "format": "groupledger-text-rules",
            "version": 1,
            "note": [
                "Word lists and settings of the text matcher for the content rules R7a-R7e (Decision 2547/QĐ-UBND).",
                "Copy this file, edit the lists, and pass it with --config FILE. Every object may carry a note.",
                "Matching ignores letter case, NFC/NFD form, tone-mark placement (hoà = hòa) and Ð/Đ,",
                "never diacritics: mật is not mat. Terms are whole words or phrases of whole words.",
                "A falseFriends phrase that overlaps a term, and is not inside it, cancels that term."
            ],
            "R7a": {
                "note": [
                    "levels count as stamps when written in capitals, in quotes or brackets,",
                    "or after a label (Độ mật: Mật). phrases count in any case.",
                    "A mật that is not in capitals, not quoted and not after a label never counts."
                ],
                "levels": ["TUYỆT MẬT", "TỐI MẬT", "MẬT"],
                "labels": ["Độ mật"],
                "phrases": ["tuyệt mật", "tối mật", "tài liệu mật", "văn bản mật", "hồ sơ mật"],
                "falseFriends": [
                    "mật khẩu", "mật ong", "mật độ", "mật mã", "mật thiết", "mật thám", "mật báo", "mật ngọt",
                    "mật vụ", "mật lệnh", "mật hiệu", "mật danh", "mật đàm", "mật ngữ", "thân mật", "bảo mật",
                    "bí mật", "giải mật", "cơ mật", "túi mật", "mật gấu", "mật mía", "mật rỉ"
                ]
            },
            "R7b": {
                "note": [
                    "A link is flagged when its host is neither an official domain nor a subdomain of one.",
                    "Links to platform hosts are not sources and are not flagged. Links with http:// or https://",
                    "are always recognised; bare domains (abc.com.vn/x) only with an ending from bareDomainSuffixes."
                ],
                "officialDomains": [
                    "gov.vn", "daklak.gov.vn", "chinhphu.vn", "baochinhphu.vn", "dangcongsan.vn", "quochoi.vn",
                    "vbpl.vn", "baodaklak.vn", "nhandan.vn", "qdnd.vn", "vtv.vn", "vov.vn", "vnanet.vn"
                ],
                "platformDomains": ["zalo.me", "zalo.vn", "zaloapp.com", "zdn.vn", "zadn.vn"],
                "bareDomainSuffixes": [
                    "vn", "com", "net", "org", "info", "biz", "edu", "gov", "int", "asia", "io", "me", "co", "tv",
                    "cc", "ly", "gl", "to", "xyz", "top", "online", "site", "shop", "store", "club", "live", "news",
                    "link", "app", "dev", "blog", "website", "mobi", "pro", "fun", "icu", "vip", "win", "bet"
                ]
            },
            "R7c": {
                "note": "Unlawful or insulting wording, matched on whole words.",
                "words": [
                    "đồ ngu", "ngu dốt", "ngu như bò", "đần độn", "óc chó", "mất dạy", "vô học", "khốn nạn",
                    "đồ khốn", "súc vật", "đồ chó", "chó má", "bố láo", "láo toét", "mặt dày", "ba que", "cá độ",
                    "lô đề", "đánh bạc online"
                ],
                "falseFriends": []
            },
            "R7d": {
                "note": [
                    "Offensive words (whole words), emoticon shortcodes (whole tokens, any case) and emoji.",
                    "Left out of emoticons on purpose: 8-) (numbered lists), :3 and :* (\"Số lượng:3\", \"Ghi chú:*\")."
                ],
                "words": [
                    "đmm", "đcm", "vcl", "vkl", "clgt", "đéo", "địt", "đụ", "lồn", "cặc", "buồi", "đĩ", "cứt", "đệch",
                    "mẹ kiếp", "chết mẹ", "vãi lồn"
                ],
                "falseFriends": [],
                "emoticons": [
                    "/-heart", "/-strong", "/-weak", "/-shit", "/-rose", "/-break", "/-fade", "/-li", "/-bd",
                    "/-bome", "/-ok", "/-v", "/-thanks", "/-punch", "/-share", "/-no", "/-bad", "/-loveu", "/-beer",
                    ":>", ":o", ":-((", ":-h", ":-*", ":')", ";xx", ";-/", ";-)", "_()_", "--b", ":((", "x-)", ";-d",
                    "b-)", ":--|", "p-(", ":-bye", "|-)", ":wipe", ":-dig", "&-(", ":handclap", ">-|", ":-f", ":-l",
                    ":-r", ";-x", ":-o", ";-s", ";-a", ":-<", ":))", "$-)",
                    ":)", ":(", ":-)", ":-(", ":D", ":P", ":v", ":'(", ";)", "=))", "=)", "=((", "^^", "^_^", "-_-",
                    "T_T", "xD", "<3"
                ],
                "emoji": {
                    "note": [
                        "Emoji are found by their Unicode properties, one per grapheme cluster (👨‍👩‍👧, 👍🏽, 🇻🇳, 1️⃣).",
                        "A bare digit, # or *, and text-style symbols such as © ™ ® ✔ ➡, count only when followed by",
                        "U+FE0F, unless switched on here. alwaysCount lists symbols that count even in text style."
                    ],
                    "countBareDigitsAndSigns": false,
                    "countTextStyleSymbols": false,
                    "alwaysCount": ["☺", "☹", "❤", "♥", "❣", "✌"]
                }
            },
            "R7e": {
                "note": [
                    "One advert finding per post when signals from at least minimumGroups different groups co-occur.",
                    "A single word is never enough: work messages discuss prices and say liên hệ."
                ],
                "minimumGroups": 2,
                "groups": {
                    "offer": [
                        "bán", "cần bán", "bán gấp", "thanh lý", "pass lại", "sỉ lẻ", "order", "nhận order",
                        "chốt đơn", "đặt hàng", "cần mua", "mua ngay"
                    ],
                    "price": ["giá", "giá rẻ", "giá sỉ", "giá chỉ", "vnđ", "vnd"],
                    "delivery": [
                        "ship", "ship cod", "cod", "freeship", "giao hàng", "giao tận nơi", "giao hàng toàn quốc"
                    ],
                    "contact": ["inbox", "ib", "liên hệ", "lh", "nhắn tin"],
                    "promotion": ["khuyến mãi", "giảm giá", "sale", "ctv", "mua 1 tặng 1", "siêu rẻ"]
                },
                "falseFriends": [
                    "đánh giá", "giá cả", "giá trị", "giá thành", "bình ổn giá", "tỷ giá", "tỉ giá", "niêm yết giá",
                    "thẩm định giá", "khung giá", "giá đất", "giá bán", "bán kính", "bán đảo", "bán trú", "bán công",
                    "bán thời gian", "bán hàng", "bán lẻ", "bán buôn", "mua bán", "liên hệ công tác", "liên hệ với",
                    "liên hệ đồng chí"
                ],
                "amounts": {
                    "note": [
                        "Prices written as a number and a unit: 250k, 1tr5, 50.000đ, 120.000 VNĐ.",
                        "Formal amounts (đồng, triệu) are left out on purpose: work messages use them."
                    ],
                    "group": "price",
                    "units": ["k", "tr", "đ", "₫", "vnđ", "vnd"]
                },
                "phoneNumbers": {
                    "note": "Vietnamese phone numbers: 0 and 9 or 10 digits, or +84; groups split by space, dot or -.",
                    "group": "contact"
                }
            }
        }
        """#
}

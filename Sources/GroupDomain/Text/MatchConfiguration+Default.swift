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
                "Copy this file, edit the lists, and pass it with --text-rules FILE. Any object may carry a note.",
                "Matching ignores letter case, NFC/NFD form, tone-mark placement (hoà = hòa) and Ð/Đ,",
                "never diacritics: mật is not mat. Terms are whole words or phrases of whole words.",
                "A falseFriends phrase that overlaps a term, and is not inside it, cancels that term."
            ],
            "R7a": {
                "note": [
                    "levels count as stamps when written in capitals, in quotes or brackets,",
                    "or after a label (Độ mật: Mật). phrases count in any case.",
                    "A mật that is not in capitals, not quoted and not after a label never counts.",
                    "recall (optional, default false) also finds the forms that are not accented words:",
                    "TOI MAT, tuyet mat, BC_TOI_MAT.pdf, TOIMAT, T Ố I  M Ậ T, độ Mật, độ mật là Mật, a level alone",
                    "on a line above a title. A word that carries marks must carry the stamp's marks (tôi mất is not).",
                    "needContext: levels that in lowercase without diacritics count only after a documentNoun or a",
                    "label, in quotes or on a line of their own. labelLinks: words between a label and its level.",
                    "documentNouns: before a level without diacritics in a file name or in capitals (BAO_CAO_MAT)."
                ],
                "levels": ["TUYỆT MẬT", "TỐI MẬT", "MẬT"],
                "labels": ["Độ mật"],
                "phrases": [
                    "tuyệt mật", "tối mật", "tài liệu mật", "văn bản mật", "hồ sơ mật", "báo cáo mật", "công văn mật",
                    "thông tin mật", "kế hoạch mật", "tờ trình mật", "công điện mật", "điện mật", "thuộc độ mật",
                    "danh mục bí mật nhà nước"
                ],
                "falseFriends": [
                    "mật khẩu", "mật ong", "mật độ", "mật mã", "mật thiết", "mật thám", "mật báo", "mật ngọt",
                    "mật vụ", "mật lệnh", "mật hiệu", "mật danh", "mật đàm", "mật ngữ", "thân mật", "bảo mật",
                    "bí mật", "giải mật", "cơ mật", "túi mật", "mật gấu", "mật mía", "mật rỉ",
                    "công thức tuyệt mật", "công thức tối mật", "bí quyết tuyệt mật", "bí quyết tối mật",
                    "bí kíp tuyệt mật", "món tuyệt mật", "sốt tuyệt mật", "vị tuyệt mật", "quán tuyệt mật",
                    "trà tuyệt mật", "cà phê tuyệt mật", "combo tuyệt mật"
                ],
                "recall": true,
                "needContext": ["tối mật"],
                "labelLinks": ["là", "ở mức", "mức"],
                "documentNouns": [
                    "tài liệu", "văn bản", "báo cáo", "công văn", "hồ sơ", "thông tin", "kế hoạch", "tờ trình",
                    "quyết định", "công điện", "dự thảo", "biên bản", "đề án", "danh mục", "file", "tệp"
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
                "note": [
                    "Unlawful or insulting content, weighing the evidence as R7e does: every group that has a signal in the",
                    "post adds its weight once, and the post is a finding when the sum reaches threshold with at least",
                    "minimumGroups groups of positive weight. Insults and slurs decide alone; a weak word (ngu, hèn) needs a",
                    "target (mày, thằng), a regional word a target too; gambling or illicit goods need an invitation (vào",
                    "tiền, ib); an enforcement report or someone describing an insult is counter-evidence. needs (optional):",
                    "a group counts only in a post where one of the groups it names has a signal (mày alone is no evidence).",
                    "words (version 1) each decide alone. unaccented (optional): terms of the groups that also count typed",
                    "without diacritics because that spelling means nothing else (óc chó as oc cho; not mất dạy, which",
                    "would also be mất dây). falseFriends cancel an overlapping signal, with or without diacritics.",
                    "Without groups, the version-1 rule applies: every listed word is a finding of its own."
                ],
                "words": [],
                "falseFriends": [
                    "quả óc chó", "hạt óc chó", "sữa óc chó", "dầu óc chó", "bánh óc chó", "ba que tính", "que tính",
                    "ba que diêm", "ba que tre", "ba que củi", "giết mổ", "giết hại", "giết thời gian", "chém gió",
                    "hèn gì", "hèn chi", "điên đầu", "ngu ngơ", "chim cút", "trứng cút", "thằng bé", "thằng cu",
                    "thằng nhỏ", "thằng con", "khởi nghĩa nam kỳ", "nam kỳ khởi nghĩa", "nam kỳ lục tỉnh", "xứ ủy nam kỳ",
                    "xứ ủy bắc kỳ", "ngu si hưởng thái bình", "pháo hoa"
                ],
                "minimumGroups": 1,
                "threshold": 4,
                "needs": {
                    "target": ["abuse", "threat", "region"],
                    "invite": ["gambling", "illicit"]
                },
                "weights": {
                    "insult": 4, "slur": 4, "abuse": 2, "region": 2, "target": 2, "threat": 2, "gambling": 2,
                    "illicit": 2, "invite": 2, "enforcement": -3, "reported": -3
                },
                "groups": {
                    "insult": [
                        "đồ ngu", "ngu dốt", "ngu như bò", "ngu như lợn", "ngu si", "đần độn", "óc chó", "óc lợn",
                        "não phẳng", "mất dạy", "vô học", "khốn nạn", "đồ khốn", "súc vật", "đồ chó", "chó má", "bố láo",
                        "láo toét", "mặt dày", "vô liêm sỉ", "đồ điên", "đồ ăn hại", "đồ rác rưởi", "cặn bã", "thiểu năng",
                        "đồ hèn", "đồ con lợn", "câm mồm", "im mồm"
                    ],
                    "slur": ["ba que", "parky", "đồ mọi", "mọi rợ", "bọn mọi", "pê đê", "bê đê", "đồ nhà quê", "đồng bóng"],
                    "abuse": ["ngu", "đần", "dốt", "hèn", "láo", "điên", "khùng", "ăn hại", "vô dụng", "bất tài", "cút"],
                    "region": ["bắc kỳ", "nam kỳ", "dân bắc kỳ", "dân nam kỳ"],
                    "target": [
                        "mày", "chúng mày", "bọn mày", "tụi mày", "tao", "thằng", "con mụ", "mụ", "bọn chúng", "bọn nó",
                        "cả lũ", "lũ chúng mày"
                    ],
                    "threat": [
                        "giết", "đánh chết", "đập chết", "chém", "xử đẹp", "cho ăn đòn", "liệu hồn", "biết tay",
                        "chết với tao"
                    ],
                    "gambling": [
                        "cá độ", "lô đề", "số đề", "đánh bạc", "đánh bạc online", "nhà cái", "soi cầu", "tài xỉu",
                        "xóc đĩa", "cá cược", "bắn cá đổi thưởng", "game bài", "đánh bài ăn tiền"
                    ],
                    "illicit": [
                        "ma túy", "hàng cấm", "vay nóng", "tín dụng đen", "bằng giả", "giấy tờ giả", "hóa đơn khống",
                        "hàng lậu", "pháo nổ", "pháo tự chế", "súng", "thuốc lắc", "cỏ mỹ"
                    ],
                    "invite": [
                        "vào tiền", "nạp tiền", "rút tiền", "kèo", "kèo thơm", "vào kèo", "anh em vào", "rủ nhau",
                        "ai chơi", "chơi ngay", "đăng ký ngay", "ib", "inbox", "nhận làm", "cần bán", "bán", "giải ngân",
                        "không cần thế chấp", "bao đậu", "ai cần", "liên hệ"
                    ],
                    "enforcement": [
                        "triệt phá", "bắt giữ", "bắt quả tang", "khởi tố", "điều tra", "xử phạt", "xử lý nghiêm",
                        "phòng chống", "tuyên truyền", "đấu tranh", "đường dây", "tội phạm", "công an", "cảnh báo",
                        "đối tượng", "vi phạm", "tạm giữ", "truy nã", "tang vật"
                    ],
                    "reported": [
                        "xúc phạm", "bị chửi", "lăng mạ", "lời lẽ", "phản ánh", "tố cáo", "tố giác", "nói xấu", "bôi nhọ"
                    ]
                },
                "unaccented": [
                    "óc chó", "khốn nạn", "súc vật", "ngu như bò", "ngu như lợn", "đồ khốn", "bố láo", "láo toét",
                    "ngu dốt", "vô liêm sỉ", "não phẳng", "câm mồm", "im mồm", "đánh bạc", "tài xỉu", "xóc đĩa",
                    "vào tiền", "tín dụng đen"
                ]
            },
            "R7d": {
                "note": [
                    "Offensive words (whole words), emoticon shortcodes (whole tokens, any case) and emoji.",
                    "Left out of emoticons on purpose: 8-) (numbered lists), :3 and :* (\"Số lượng:3\", \"Ghi chú:*\").",
                    "emoticonGuards (optional, default false) leaves out look-alikes: an abbreviation after a colon",
                    "(Địa chỉ:P.Tân Lợi), a comparison (<3%, x<3, <3 tuổi), a path (D:\\\\Báo cáo, (ổ D:)) and an",
                    "all-letter emoticon in another case (XD, xây dựng, is not xD)."
                ],
                "emoticonGuards": true,
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
                    "T_T", "xD", "<3",
                    ":~", ":b", ":$", ":z", ";p", ";d", ";o", ";g", ":!", ":l", ":;", ";f", ":q", ":|", ":x", ":t",
                    ";?", ";!", ";-!", "8*", "/-showlove", "/-coffee", "/-cake", "/-flag"
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
                    "One advert finding per post, weighing the evidence: every group that has a signal in the post adds",
                    "its weight once (weights: 1 when not listed). A post is an advert when the sum reaches threshold and",
                    "at least minimumGroups groups with a positive weight have a signal. Strong groups (trade, shipping)",
                    "may decide alone; news, official and legal wording is counter-evidence (a negative weight).",
                    "Without threshold, the older rule applies: minimumGroups different groups, whatever they are.",
                    "A single weak word is never enough: work messages discuss prices and say liên hệ."
                ],
                "minimumGroups": 1,
                "threshold": 4,
                "weights": {
                    "trade": 4, "shipping": 4, "offer": 2, "price": 2, "priceWord": 1, "delivery": 1, "contact": 2,
                    "promotion": 2, "recruit": 2, "self": 2, "news": -3, "official": -3, "legal": -4
                },
                "groups": {
                    "trade": [
                        "chốt đơn", "lên đơn", "nhận order", "order", "sỉ lẻ", "giá sỉ", "tuyển ctv", "tuyển cộng tác viên",
                        "nhận đặt hàng", "inbox đặt hàng", "còn hàng", "hết hàng", "hàng về", "hàng sẵn"
                    ],
                    "shipping": [
                        "freeship", "free ship", "ship cod", "cod", "bao ship", "ship toàn quốc", "giao hàng toàn quốc",
                        "giao hàng tận nơi", "phí ship"
                    ],
                    "offer": [
                        "bán", "cần bán", "bán gấp", "thanh lý", "pass lại", "nhượng lại", "đặt hàng", "cần mua", "mua ngay",
                        "nhận thiết kế", "nhận may", "nhận in", "nhận sửa", "dịch vụ làm", "cho thuê"
                    ],
                    "price": [
                        "giá rẻ", "giá chỉ", "giá gốc", "giá tốt", "giá sốc", "giá ưu đãi", "giá hạt dẻ", "đồng giá"
                    ],
                    "priceWord": ["giá", "vnđ", "vnd"],
                    "delivery": ["ship", "giao hàng", "giao tận nơi", "gửi hàng"],
                    "contact": [
                        "inbox", "ib", "liên hệ", "lh", "nhắn tin", "nhắn em", "alo", "alo em", "gọi ngay", "ai cần", "ai lấy",
                        "ai mua", "ai có nhu cầu", "ai quan tâm", "đặt ngay", "zalo em"
                    ],
                    "promotion": [
                        "khuyến mãi", "giảm giá", "sale", "flash sale", "hoa hồng", "chiết khấu", "mua 1 tặng 1", "siêu rẻ",
                        "ưu đãi"
                    ],
                    "recruit": ["ctv", "cộng tác viên", "làm thêm tại nhà"],
                    "self": [
                        "nhà em có", "nhà mình có", "vườn nhà", "nhà trồng", "hàng nhà", "tự tay làm", "shop", "shop em",
                        "hàng em", "em bán", "mình bán", "em có bán", "nhà làm"
                    ],
                    "news": [
                        "bán được giá", "được giá", "mất giá", "thị trường", "tiểu thương", "nông dân", "thương lái",
                        "bình quân", "so với", "sản lượng", "tiêu thụ", "xuất khẩu", "doanh nghiệp", "giá cả"
                    ],
                    "official": [
                        "đấu giá", "bán đấu giá", "thông báo đấu giá", "theo quy định", "tài sản công",
                        "niêm yết", "ubnd", "sở công thương", "quản lý thị trường"
                    ],
                    "legal": ["hợp đồng mua bán", "bên bán", "bên mua", "bộ luật", "nghị định", "luật"]
                },
                "falseFriends": [
                    "đánh giá", "giá trị", "giá thành", "bình ổn giá", "tỷ giá", "tỉ giá", "thẩm định giá", "khung giá",
                    "giá đất", "giá bán", "bán kính", "bán đảo", "bán trú", "bán công", "bán thời gian", "bán hàng",
                    "bán lẻ", "bán buôn", "mua bán", "liên hệ công tác", "liên hệ với", "liên hệ đồng chí",
                    "chính sách ưu đãi", "ưu đãi đầu tư", "cộng tác viên dân số", "ctv dân số", "giá trị sản xuất"
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

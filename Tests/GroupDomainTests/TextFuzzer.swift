import Foundation
import GroupDomain
import TestSupport

/// Generates posts for ``TextReferenceDifferentialTests``: work messages, adverts, stamps, insults, links, emoji and
/// emoticons, with case changes, old and new tone placement, Ð for Đ, hidden zero-width characters and stray marks.
struct TextFuzzer {
    private var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let words = [
        "Đề", "nghị", "các", "đơn", "vị", "báo", "cáo", "tình", "hình", "thực", "hiện", "nhiệm", "vụ", "trước",
        "ngày", "mai", "Kính", "gửi", "lãnh", "đạo", "hoàn", "thành", "rà", "soát", "hồ", "sơ", "xin", "Mật", "độ",
        "dân", "cư", "tại", "xã", "vùng", "sâu", "còn", "thấp", "Sở", "Xây", "dựng", "hỗ", "trợ", "Văn", "bản", "số",
        "ban", "hành", "lưu", "ý", "hoà", "hòa", "thuý", "thúy", "khoẻ", "khỏe", "Ðà", "Đà", "Nẵng", "anh", "chị",
        "em", "ạ", "nhé", "ok", "OK", "file", "pdf", "mat", "mật", "MẬT", "mất", "mặt", "Mậtt", "mật123", "250k",
        "ĐMM", "đéo", "Đéo", "vcl", "ngu", "đồ", "chó", "khốn", "nạn", "bán", "giá", "ship", "COD", "inbox", "lh",
        "LH", "ctv", "sale", "rẻ", "Straße", "İ", "ǅ", "ǆ", "ß", "Ω", "Å", "K", "ﬁ", "Ⅻ", "١٢", "٣", "αβγ", "Привет",
        "中文", "한국어", "ไทย", "हिन्दी", "x", "D", "P", "v", "T", "b",
    ]

    static let terms: [String] = {
        let configuration = MatchConfiguration.default
        return configuration.stamps.levels + configuration.stamps.labels + configuration.stamps.phrases
            + configuration.stamps.falseFriends + configuration.unlawfulWords.words
            + configuration.offensiveWords.words + configuration.adverts.groups.flatMap(\.terms)
            + configuration.adverts.falseFriends + (configuration.unlawfulEvidence?.groups.flatMap(\.terms) ?? [])
            + configuration.unlawfulWords.falseFriends
    }()

    static let emoticons = MatchConfiguration.default.emoticons + [":)))))", ":DDD", ":-(((", "=)))", "8-)", ":3"]

    static let links = [
        "https://vnexpress.net/abc-123.html", "http://chinhphu.vn@evil.com/x", "https://evil.com\\@chinhphu.vn/",
        "abc.com.vn/tin-tuc/1", "www.facebook.com/groups/x.", "HTTP://ABC.COM", "xemhttps://bit.ly/3xYz",
        "(https://abc.com/x_(y))", "http://1.2.3.4:8080/a?b=c#d,", "tin-tuc.xyz", "https://daklak.gov.vn/a",
        "zalo.me/g/abc", "banbientap@daklak.gov.vn", "Tp.HCM", "baocao.pdf", "v.v.", "1.000.000",
        "https://chinhphu.vn.",
        "http://", "https://[::1]:80/x", "https://xn--chnhph-7va.vn/", "a.com:8080/x", "www.x", "http://a..b.com/",
        "https://evil.com\u{202E}nv.vog\u{202C}", "https://a.com/đường-dẫn?q=mật", "http://tin-nong-24h.xyz/123",
        "abc.com.vn\u{0301}/x", "https://ví-dụ.vn/", "www.a-.com", "http://a.com/👍", "https://a.com/\"x\"",
    ]

    static let numbers = [
        "0905123456", "0905 123 456", "0262.859.9699", "+84 905 123 456", "+84905123456", "0123456789",
        "01 02 03 04 05", "05.10.2023", "250k", "35k/kg", "1tr5", "50.000đ", "120.000 VNĐ", "99₫", "50.000 đồng",
        "1.000.000", "10:30", "2:3", "16h00", "0905-123-456", "+840905123456", "1,5tr", "3 k", "12\u{00A0}k",
    ]

    static let emoji = [
        "👍", "😂", "👨\u{200D}👩\u{200D}👧", "👍🏽", "🇻🇳", "🇻", "1\u{FE0F}\u{20E3}", "#\u{FE0F}\u{20E3}", "❤",
        "❤\u{FE0F}", "❤\u{FE0F}\u{200D}🔥", "☺", "©", "©\u{FE0F}", "™", "®", "✔", "➡",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "a\u{200D}👍", "\u{200D}", "🏽",
    ]

    static let separators = [
        " ", " ", " ", " ", "  ", ", ", ". ", "\n", "\r\n", "\t", "\u{00A0}", "_", "-", "–", ": ", ":", "=", "“",
        "”", "\"", "'", "(", ")", "[", "]", "«", "»", "「", "」", "《", "〈", "\u{2329}", "\u{232A}", "…", "!", "?",
        "/", "\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{2066}", "\u{037E}", "\u{1FEF}", "\u{0301}", "\u{0323}",
    ]

    private mutating func pick(_ list: [String]) -> String { list[Int.random(in: 0..<list.count, using: &random)] }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// A made-up Vietnamese syllable: onset, vowels with a tone mark (sometimes two, or a stray mark), coda.
    private mutating func syllable() -> String {
        let onsets = [
            "", "b", "c", "ch", "d", "đ", "Ð", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s",
            "t", "th", "tr", "v", "x",
        ]
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "uy", "ươ", "iê", "ua", "ưa"]
        let codas = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]
        let tones = ["", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]
        var vowel = pick(vowels)
        let tone = pick(tones)
        if chance(50) {
            vowel.insert(contentsOf: tone, at: vowel.index(after: vowel.startIndex))
        } else {
            vowel += tone
        }
        if chance(4) { vowel += pick(tones) }
        if chance(3) { vowel += pick(["\u{0302}", "\u{0306}", "\u{031B}", "\u{0304}", "\u{0308}"]) }
        var syllable = pick(onsets) + vowel + pick(codas)
        if chance(30) { syllable = TextTest.nfc(syllable) }
        if chance(15) { syllable = syllable.uppercased() } else if chance(15) { syllable = syllable.capitalized }
        return syllable
    }

    /// A word or term, sometimes recased or with a zero-width character inside.
    private mutating func word() -> String {
        var word: String
        switch Int.random(in: 0..<110, using: &random) {
        case 100..<110: word = syllable()
        case 0..<45: word = pick(Self.words)
        case 45..<75: word = pick(Self.terms)
        case 75..<83: word = pick(Self.emoticons)
        case 83..<89: word = pick(Self.links)
        case 89..<95: word = pick(Self.numbers)
        default: word = pick(Self.emoji)
        }
        if chance(10) { word = word.uppercased() }
        if chance(5) { word = word.lowercased() }
        if chance(3), word.count > 1 {
            var characters = Array(word)
            characters.insert(
                contentsOf: pick(["\u{200B}", "\u{00AD}", "\u{200D}", "\u{0300}"]),
                at: characters.count / 2
            )
            word = String(characters)
        }
        return word
    }

    /// A post of 1 to 30 words and separators.
    mutating func post() -> String {
        var post = ""
        for _ in 0..<Int.random(in: 1...30, using: &random) {
            post += word()
            post += chance(75) ? " " : pick(Self.separators)
        }
        if chance(50) { post.removeLast() }
        return post
    }

    /// Characters picked one by one from everything above, glued without spaces.
    mutating func noise() -> String {
        let pool =
            Self.separators + Self.emoji + ["a", "A", "đ", "Ð", "k", ".", ":", ")", "(", "-", "0", "9", "+", "@"]
        var text = ""
        for _ in 0..<Int.random(in: 1...40, using: &random) {
            if chance(70) {
                text += pick(pool)
            } else {
                let source = pick(Self.words + Self.terms + Self.emoticons + Self.links + Self.numbers)
                let characters = Array(source)
                let start = Int.random(in: 0..<characters.count, using: &random)
                let end = Int.random(in: start...characters.count, using: &random)
                text += String(characters[start..<end])
            }
        }
        return text
    }

    /// `text` with each word at random in NFC or NFD.
    mutating func mixForms(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            chance(50) ? TextTest.nfd(String(word)) : TextTest.nfc(String(word))
        }.joined(separator: " ")
    }

    /// Texts built by hand for the corners: empty, lone marks, CRLF, surrogates, long runs.
    static let edgeCases: [String] = [
        "", " ", "\r\n", "\r", "\n\r", "a\r\nb", "\u{0301}", "\u{0301}abc", "a\u{0301}\u{0301}", "M\u{0323}\u{0302}T",
        "MA\u{0323}\u{0302}T", "MÂ\u{0323}T", "MA\u{0302}\u{0323}T", "“MẬT”", "“ MẬT ”", "(mật)", "[TỐI MẬT]",
        "Độ mật: Tối mật", "ĐỘ MẬT - “MẬT”", "Độ mật:Mật", "Độ mật = \"tuyệt mật\"", "ĐỘ MẬT: THƯỜNG", "Độ mật",
        "Ðộ mật — MẬT", "Độ mật: MẬT KHẨU", "TỐI_MẬT", "TUYỆT-MẬT", "TỐI\u{200B}MẬT", "T\u{200B}ỐI MẬT", "tài liệu mật",
        "MẬT\u{0301}", "mật khẩu MẬT", "GIẢI MẬT", "bảo MẬT", "Mật", "mậT", "MẬT123", "123MẬT", "MẬT mật MẬT",
        ":)):)):))", ":-((((", "a:)", "1:)", "(:)", ":)a", ":)1", ":)\u{0301}", "\u{037E})", ";\u{0301})", "x-)",
        "max-)", "K-)", "\u{212A}-)", "/-strong/-heart", "/-STRONG", "_()_", "^_^", "^^^", "<3<3", "a<3", "&-(",
        "http://a.com:)", "xem http://daklak.gov.vn:))", "1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}",
        "🇻🇳🇻", "🇻🇳🇻🇳🇻", "👍\u{0301}", "a\u{FE0F}", "1\u{20E3}", "*\u{20E3}", "©\u{200D}👍", "👍\u{200D}©",
        "0905\u{00A0}123\u{00A0}456", "0905123456789", "+84 9 0512 3456", "+8490", "0905.123.456.", "0905123456a",
        "a0905123456", "250kg", "250k2", "1tr5tr", "1.5.k", "1,000,000đ", "50.000Đ", "50.000Ð", "50.000 \u{0111}",
        "đ\u{0301}", "250 k", "250  k", "250\tk", "\u{0661}\u{0662}k", "２５０k", "250ｋ", "250\u{212A}",
        "http://xn--chnhph-7va.vn", "HTTPS://WWW.ABC.COM.VN/A_(B)", "https://a.com/(x", "https://a.com/x)",
        "a.b.c.d.e.com",
        "www.-a.com", "-a.com", ".a.com", "a.com.", "a.com-", "a..com", "a.c0m", "a.COM", "WWW.ABC.XYZ",
        "\u{202E}TỐI MẬT\u{202C} và \u{2066}đ\u{200B}é\u{00AD}o\u{2069}\u{0000}\u{FEFF}",
        String(repeating: "mật ", count: 200), String(repeating: "\u{200B}", count: 50),
        String(repeating: "🇻", count: 31),
        String(repeating: "0905 ", count: 20), String(repeating: ":", count: 30) + String(repeating: ")", count: 30),
        "hoà bình", "hòa bình", "HOÀ BÌNH", "thuý", "thúy", "khoẻ", "khỏe", "qua\u{0301}", "quá", "gịa", "già",
        "ươ\u{0301}c", "ước", "ư\u{0301}ơc", "İstanbul", "istanbul", "STRASSE", "straße", "Ǆem", "ǅEM", "ǆem",
        "ﬁle", "FILE", "\u{212A}elvin", "kelvin", "Ω Ω", "ⅻ Ⅻ", "e\u{0301}p buộc", "ép buộc", "Mức độ: MẬT",
        "x\u{0301}", "hóà bình", "hòá bình", "HÓÀ BÌNH", "mậật", "MẬẬT", "MẬ\u{0301}T", "bánn", "bấn", ";)",
        "\u{037E})", "K-)", "k-)",
        "\u{212A}-)", "ẋ-)", "X\u{0307}-)", "12\u{212A}", "12ḱ", "12k\u{0301}", "“\u{0301}MẬT”",
        "a\u{0301}\u{0302}\u{0303}",
        "😂😂😂", "👍🏽👍", "❤️❤️", "“TỐI MẬT”“MẬT”", "–MẬT–", "…MẬT…", "₫100", "100₫", "100 ₫", "#\u{0301}", "©\u{FE0F}a",
    ]
}

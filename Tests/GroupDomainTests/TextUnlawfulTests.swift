import Foundation
import GroupDomain
import Testing

/// R7c with the bundled file: the evidence of unlawful or insulting content is weighed, one match per post, and the
/// match lists the signals that decided it. Every text runs in NFC and NFD (``TextTest/both(_:_:_:sourceLocation:)``).
@Suite struct TextUnlawfulTests {
    /// The R7c match of `text`, checked in NFC and NFD, or `nil`.
    private func unlawful(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TextMatch? {
        let signatures = TextTest.both(.r7c, text, sourceLocation: sourceLocation)
        #expect(signatures.count <= 1, "one R7c match per post", sourceLocation: sourceLocation)
        return TextTest.run(TextTest.nfd(text)).first { $0.rule == .r7c }
    }

    /// The signals of the R7c match of `text` as "group:text" (NFC), or `[]`.
    private func signals(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        unlawful(text, sourceLocation: sourceLocation)?.signals.map { "\($0.group):\(TextTest.nfc(String($0.text)))" }
            ?? []
    }

    @Test func anInsultOrASlurDecidesAlone() {
        #expect(signals("Đồ ngu, làm ăn thế à") == ["insult:Đồ ngu"])
        #expect(signals("Cái loại VÔ LIÊM SỈ như thế") == ["insult:VÔ LIÊM SỈ"])
        #expect(signals("Lũ ba que lại xuyên tạc") == ["slur:ba que"])
    }

    @Test func aWeakWordNeedsATarget() {
        #expect(signals("Mày ngu thế, làm lại đi") == ["target:Mày", "abuse:ngu"])
        #expect(signals("Thằng đó hèn lắm") == ["target:Thằng", "abuse:hèn"])
        #expect(signals("Tao giết mày") == ["target:Tao", "threat:giết", "target:mày"])
        #expect(signals("Đúng là thằng bắc kỳ") == ["target:thằng", "region:bắc kỳ"])
        #expect(unlawful("Tôi ngu quá, quên mất file") == nil, "no target: a joke on oneself")
        #expect(unlawful("Mày gửi tài liệu chưa?") == nil, "a target alone is no evidence")
    }

    @Test func gamblingAndIllicitGoodsNeedAnInvitation() {
        #expect(
            signals("Ai chơi cá độ trận tối nay thì vào tiền qua em") == [
                "invite:Ai chơi", "gambling:cá độ", "invite:vào tiền",
            ]
        )
        #expect(signals("Cần bán hàng cấm, ib") == ["invite:Cần bán", "illicit:hàng cấm", "invite:ib"])
        #expect(unlawful("Công trình thiếu vì kèo, liên hệ nhà thầu") == nil, "an invitation alone is none")
    }

    @Test func reportsAboutItAreCounterEvidence() {
        #expect(unlawful("Triệt phá đường dây cá độ, bắt giữ 12 đối tượng; anh em vào tiền qua tài khoản") == nil)
        #expect(unlawful("Tuyên truyền phòng chống ma túy trong trường học") == nil)
        #expect(unlawful("Người dân phản ánh bị chửi là đồ ngu khi đến làm thủ tục") == nil)
    }

    @Test func falseFriendsStayQuiet() {
        for text in [
            "Quả óc chó tốt cho sức khỏe", "Cô giáo phát cho mỗi em ba que tính", "Lò giết mổ gia súc tập trung",
            "Hèn gì báo cáo chậm", "Thằng bé nhà em ốm, em xin nghỉ", "Dịch tả lợn châu Phi tái phát",
            "Kỷ niệm 86 năm Nam Kỳ khởi nghĩa", "Số liệu điên đầu quá anh ạ", "Trứng cút giảm giá",
        ] {
            #expect(unlawful(text) == nil, "\(text)")
        }
    }

    @Test func listedTermsCountWithoutDiacriticsAndOthersDoNot() {
        #expect(signals("oc cho a, lam the ma cung sai") == ["insult:oc cho"])
        #expect(signals("KHON NAN that su") == ["insult:KHON NAN"])
        #expect(signals("ai choi tai xiu thi vao tien") == ["gambling:tai xiu", "invite:vao tien"])
        #expect(unlawful("hat oc cho rat bo") == nil, "a false friend cancels without diacritics too")
        #expect(unlawful("ốc chó") == nil, "a word with marks must carry the term's marks")
        #expect(unlawful("mat day qua, mat day mang roi") == nil, "mất dạy is not listed: also mất dây")
    }

    @Test func theMatchExplainsItselfWithTheSpansThatDecided() throws {
        let text = "Mày ngu thế, liên hệ ai cũng vậy"
        let match = try #require(unlawful(text))
        #expect(match.kind == .unlawfulContent)
        #expect(match.signals.map(\.weight) == [2, 2], "the invitation needs gambling and is left out")
        #expect(match.messageEN.contains("score 4 ≥ 4 (target +2, abuse +2)"), "\(match.messageEN)")
        #expect(match.messageVI.contains("điểm 4 ≥ 4"), "\(match.messageVI)")
        #expect(TextTest.nfc(String(match.text)) == "Mày ngu", "the match runs from the first signal to the last")
    }

    @Test func theFileReadsTheWeighingAndRefusesItsMistakes() throws {
        let evidence = try #require(MatchConfiguration.default.unlawfulEvidence)
        #expect(evidence.threshold == 4)
        #expect(evidence.needs["target"]?.contains("abuse") == true)
        #expect(evidence.unaccented.contains("óc chó"))
        for (old, new, path) in [
            ("\"target\": [\"abuse\"", "\"target\": [\"abus\"", "$.R7c.needs.target[0]"),
            ("\"unaccented\": [\n", "\"unaccented\": [\"đồ chơi\",\n", "$.R7c.unaccented[0]"),
            ("\"groups\": {\n            \"insult\"", "\"groups\": {\n            \"words\": [], \"insult\"", "words"),
        ] {
            let json = MatchConfiguration.defaultJSON
            #expect(json.contains(old), "\(old)")
            #expect {
                try MatchConfiguration(json: Array(json.replacingOccurrences(of: old, with: new).utf8))
            } throws: { error in
                "\(error)".contains(path)
            }
        }
    }

    /// On generated posts full of the configured terms (in NFC, NFD and mixed forms), R7c gives at most one match,
    /// its signals slice the original text inside the match, its score is the sum of its groups' weights (each
    /// group once) and reaches the threshold, and no group it counts lacks a group it needs.
    @Test func generatedPostsKeepTheWeighingsPromises() throws {
        let evidence = try #require(MatchConfiguration.default.unlawfulEvidence)
        var generator = TextFuzzer(seed: 1_620)
        var flagged = 0
        for _ in 0..<600 {
            let post = generator.post()
            for text in [post, TextTest.nfd(post), generator.mixForms(post)] {
                let matches = TextTest.run(text).filter { $0.rule == .r7c }
                #expect(matches.count <= 1, "\(text.debugDescription)")
                guard let match = matches.first else { continue }
                flagged += 1
                var weights: [String: Int] = [:]
                for signal in match.signals { weights[signal.group] = signal.weight }
                let score = weights.values.reduce(0, +)
                #expect(score >= evidence.threshold, "\(text.debugDescription)")
                #expect(match.messageEN.contains("score \(score) ≥ \(evidence.threshold)"), "\(match.messageEN)")
                for group in weights.keys {
                    guard let needed = evidence.needs[group] else { continue }
                    #expect(!Set(needed).isDisjoint(with: weights.keys), "\(group) counted alone in \(text)")
                }
            }
        }
        #expect(flagged > 0, "the generated posts reach R7c at all")
    }

    @Test func aLongTextIsOneMatchListingEverySignal() {
        let post = "Mày ngu thế, đồ khốn nạn. Quả óc chó ngon. "
        let long = String(repeating: post, count: 2_000)
        let found = TextTest.matcher.matches(in: long).filter { $0.rule == .r7c }
        #expect(found.count == 1)
        #expect(
            found.first?.signals.count == 2_000 * 3,
            "mày, ngu, đồ khốn (leftmost first); the walnut is a false friend"
        )
        #expect(found.first?.utf8Range.upperBound == long.utf8.count - " nạn. Quả óc chó ngon. ".utf8.count)
    }
}

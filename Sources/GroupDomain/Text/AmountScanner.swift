/// R7e: finds prices written as a number and a unit: `250k`, `35k/kg`, `1tr5`, `50.000đ`, `120.000 VNĐ`, `99₫`.
///
/// The number is ASCII digits with `.` or `,` between groups; at most one space may separate it from the unit; digits
/// may follow a unit (`1tr5` is 1.5 million). The unit compares ignoring case and the Ð/Đ lookalike, and must end the
/// word: `50.000 đồng` is not `đ` followed by more letters. Numbers inside links are skipped.
struct AmountScanner: Sendable {
    /// Each unit as the matching forms of its characters, longest first.
    private let units: [[SyllableKey]]

    init(units: [String]) {
        self.units = units.map { unit in unit.map(VietnameseFolding.key(of:)) }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
    }

    /// The character ranges of every amount, in order.
    func amounts(in text: AnalysedText) -> [Range<Int>] {
        guard !units.isEmpty else { return [] }
        var found: [Range<Int>] = []
        var position = 0
        while position < text.count {
            guard text.isDigit(position), !text.inLink[position], isNumberStart(position, in: text) else {
                position += 1
                continue
            }
            var numberEnd = position
            while text.isDigit(numberEnd) { numberEnd += 1 }
            while numberEnd + 1 < text.count, text.characters[numberEnd] == "." || text.characters[numberEnd] == ",",
                text.isDigit(numberEnd + 1)
            {
                numberEnd += 1
                while text.isDigit(numberEnd) { numberEnd += 1 }
            }
            if let end = unitEnd(after: numberEnd, in: text) {
                found.append(position..<end)
                position = end
            } else {
                position = numberEnd
            }
        }
        return found
    }

    /// A number starts here: not after a letter, a digit, or a digit group separator.
    private func isNumberStart(_ position: Int, in text: AnalysedText) -> Bool {
        guard position > 0 else { return true }
        if text.isAlphanumeric(position - 1) { return false }
        let previous = text.characters[position - 1]
        return !((previous == "." || previous == ",") && text.isDigit(position - 2))
    }

    /// The end of a unit (and its trailing digits) that follows the number ending at `numberEnd`.
    private func unitEnd(after numberEnd: Int, in text: AnalysedText) -> Int? {
        var start = numberEnd
        if start < text.count, text.isHorizontalSpace(start), start + 1 < text.count { start += 1 }
        for unit in units {
            let end = start + unit.count
            guard end <= text.count, !text.inLink[start] else { continue }
            let matched = unit.indices.allSatisfy { offset in
                VietnameseFolding.key(of: text.characters[start + offset]) == unit[offset]
            }
            guard matched else { continue }
            var last = end
            if text.characters[end - 1].isLetter {
                while text.isDigit(last) { last += 1 }
            }
            if last < text.count, text.isAlphanumeric(last) { continue }
            return last
        }
        return nil
    }
}

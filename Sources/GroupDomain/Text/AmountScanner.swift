/// R7e: finds prices written as a number and a unit: `250k`, `35k/kg`, `1tr5`, `50.000đ`, `120.000 VNĐ`, `99₫`.
///
/// The number is ASCII digits with `.` or `,` between groups; at most one space may separate it from the unit; digits
/// may follow a unit (`1tr5` is 1.5 million). The unit compares ignoring case and the Ð/Đ lookalike, and must end the
/// word: `50.000 đồng` is not `đ` followed by more letters. Numbers inside links are skipped.
struct AmountScanner: Sendable {
    /// The keys of the units' characters.
    private let keys: CharacterKeys
    /// Each unit as the keys of its characters, longest first.
    private let units: [[Int32]]

    init(units: [String]) {
        let keys = CharacterKeys(units)
        self.keys = keys
        self.units = units.map { unit in unit.map(keys.key(of:)) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The character ranges of every amount, in order.
    func amounts(in text: borrowing AnalysedText) -> [Range<Int>] {
        guard !units.isEmpty, text.containsDigit else { return [] }
        var found: [Range<Int>] = []
        var position = 0
        while position < text.count {
            guard text.isDigit(position), !text.isInLink(position), isNumberStart(position, in: text) else {
                position += 1
                continue
            }
            var numberEnd = position
            while text.isDigit(numberEnd) { numberEnd += 1 }
            while numberEnd + 1 < text.count, text.isCharacter(numberEnd, 0x2E) || text.isCharacter(numberEnd, 0x2C),
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
    private func isNumberStart(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        guard position > 0 else { return true }
        if text.isAlphanumeric(position - 1) { return false }
        let previous = position - 1
        return !((text.isCharacter(previous, 0x2E) || text.isCharacter(previous, 0x2C)) && text.isDigit(position - 2))
    }

    /// The end of a unit (and its trailing digits) that follows the number ending at `numberEnd`.
    private func unitEnd(after numberEnd: Int, in text: borrowing AnalysedText) -> Int? {
        var start = numberEnd
        if start < text.count, text.isHorizontalSpace(start), start + 1 < text.count { start += 1 }
        for unit in units.indices {
            let end = start + units[unit].count
            guard end <= text.count, !text.isInLink(start) else { continue }
            let matched = units[unit].indices.allSatisfy { offset in
                keys.key(at: start + offset, in: text) == units[unit][offset]
            }
            guard matched else { continue }
            var last = end
            if text.isLetter(end - 1) {
                while text.isDigit(last) { last += 1 }
            }
            if last < text.count, text.isAlphanumeric(last) { continue }
            return last
        }
        return nil
    }
}

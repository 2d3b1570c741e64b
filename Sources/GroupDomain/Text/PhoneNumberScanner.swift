/// R7e: finds Vietnamese phone numbers: `0` and 9 or 10 more digits (`0905123456`, `0262.859.9699`), or `+84` and
/// 9 or 10 digits (`+84 905 123 456`), written in one piece or in groups separated by one space, dot or hyphen. The
/// digit after `0` (or `+84`) is `2`–`9`: no Vietnamese number starts `00` or `01` since the 2018 renumbering.
///
/// When grouped, the first group has at least 3 digits (2 after `+`) and every group at least 2, so numbered lists
/// ("01 02 03 04 05") and dates ("05.10.2023") are not phone numbers. The longest prefix of groups that forms a valid
/// number is taken. Numbers inside links are skipped.
enum PhoneNumberScanner {
    /// The character ranges of every phone number, in order.
    static func phoneNumbers(in text: borrowing AnalysedText) -> [Range<Int>] {
        guard text.containsDigit else { return [] }
        var found: [Range<Int>] = []
        var position = 0
        while position < text.count {
            let plus = text.isCharacter(position, 0x2B)
            let digitsStart = plus ? position + 1 : position
            guard text.isDigit(digitsStart), !text.isInLink(position), isStart(position, in: text) else {
                position += 1
                continue
            }
            guard text.isCharacter(digitsStart, plus ? 0x38 : 0x30) else {
                // Every number starts with 0, or with 84 after `+` (see `isValid`): skip these digits.
                position = digitsStart
                while text.isDigit(position) { position += 1 }
                continue
            }
            let groups = digitGroups(from: digitsStart, in: text)
            if let end = longestNumber(groups, plus: plus, in: text) {
                found.append(position..<end)
                position = end
            } else {
                position = groups[0].upperBound
            }
        }
        return found
    }

    /// Not glued to a word, a number or a `+`.
    private static func isStart(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        guard position > 0 else { return true }
        let previous = position - 1
        return !text.isAlphanumeric(previous) && !text.isCharacter(previous, 0x2B)
            && !((text.isCharacter(previous, 0x2E) || text.isCharacter(previous, 0x2C)
                || text.isCharacter(previous, 0x2D))
                && text.isDigit(position - 2))
    }

    /// The runs of digits from `start`, separated by single spaces, dots or hyphens.
    private static func digitGroups(from start: Int, in text: borrowing AnalysedText) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var position = start
        while true {
            let groupStart = position
            while text.isDigit(position) { position += 1 }
            groups.append(groupStart..<position)
            guard position + 1 < text.count, groups.count < 6 else { break }
            let isSeparator =
                text.isCharacter(position, 0x20) || text.isCharacter(position, 0x2E) || text.isCharacter(position, 0x2D)
            guard isSeparator, text.isDigit(position + 1) else { break }
            position += 1
        }
        return groups
    }

    /// The end of the longest valid number made of the first groups.
    private static func longestNumber(_ groups: [Range<Int>], plus: Bool, in text: borrowing AnalysedText) -> Int? {
        for count in stride(from: groups.count, through: 1, by: -1) {
            let used = groups[..<count]
            let end = used[used.endIndex - 1].upperBound
            if end < text.count, text.isAlphanumeric(end) { continue }
            var digits: [UInt8] = []
            for group in used {
                for position in group { digits.append(text.asciiValue(at: position) ?? 0) }
            }
            if count > 1 {
                guard used[used.startIndex].count >= (plus ? 2 : 3), used.allSatisfy({ $0.count >= 2 }) else {
                    continue
                }
            }
            if isValid(digits, plus: plus) { return end }
        }
        return nil
    }

    /// `0` + 9–10 digits, the second from `2` to `9` (landlines 02x, mobiles 03, 05, 07, 08, 09); or (after `+`)
    /// `84` + 9–10 digits, the first from `2` to `9`.
    private static func isValid(_ digits: [UInt8], plus: Bool) -> Bool {
        let areaOrNetwork = UInt8(ascii: "2")...UInt8(ascii: "9")
        if plus {
            guard digits.count == 11 || digits.count == 12 else { return false }
            return digits[0] == UInt8(ascii: "8") && digits[1] == UInt8(ascii: "4") && areaOrNetwork.contains(digits[2])
        }
        guard digits.count == 10 || digits.count == 11 else { return false }
        return digits[0] == UInt8(ascii: "0") && areaOrNetwork.contains(digits[1])
    }
}

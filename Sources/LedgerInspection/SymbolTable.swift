/// Strings the indexes repeat a million times (event types, actors, groups), each stored once and named by a small
/// number, so that an index entry is a few machine words.
struct SymbolTable: Sendable, Equatable {
    /// Every string, by its number.
    private(set) var strings: [String] = []
    private var numbers: [String: UInt32] = [:]

    init() {}

    /// Rebuilds a table from its strings in number order (a loaded snapshot).
    init(strings: [String]) {
        self.strings = strings
        for (number, string) in strings.enumerated() { numbers[string] = UInt32(number) }
    }

    /// The number of `string`, adding it when it is new.
    mutating func number(of string: String) -> UInt32 {
        if let known = numbers[string] { return known }
        let number = UInt32(strings.count)
        strings.append(string)
        numbers[string] = number
        return number
    }

    /// The number of `string`, or `nil` when no record used it.
    func existingNumber(of string: String) -> UInt32? { numbers[string] }

    /// The string numbered `number`.
    subscript(number: UInt32) -> String { strings[Int(number)] }
}

extension Tile {
    /// The tile a path below a log's prefix names, or `nil` unless it is exactly what ``path`` writes.
    ///
    /// Accepts `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]` with `<L>` in 0...63 and `<W>` in 1...255,
    /// both decimal without leading zeros, and `<N>` in canonical three-digit groups (no `x000` group first) that
    /// fit a `UInt64`.
    public init?(path: String) {
        var elements = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard elements.count >= 3, elements[0] == "tile" else { return nil }
        let kind: Kind
        if elements[1] == "entries" {
            kind = .entries
        } else if let level = Tile.decimal(elements[1]), level <= 63 {
            kind = .hashes(level: Int(level))
        } else {
            return nil
        }
        var width = Tile.fullWidth
        if elements.count >= 4, elements[elements.count - 2].hasSuffix(".p") {
            guard let partial = Tile.decimal(elements.removeLast()), (1..<UInt64(Tile.fullWidth)).contains(partial)
            else { return nil }
            width = Int(partial)
            elements[elements.count - 1].removeLast(2)
        }
        guard let index = Tile.decode(index: elements[2...]) else { return nil }
        self.init(kind, index: index, width: width)
    }

    /// Reads the groups that ``encode(index:)`` writes; `nil` for anything else or an index past `UInt64.max`.
    static func decode(index groups: ArraySlice<String>) -> UInt64? {
        var index: UInt64 = 0
        for (position, group) in groups.enumerated() {
            let isLast = position == groups.count - 1
            var digits = Substring(group)
            if !isLast {
                guard digits.first == "x" else { return nil }
                digits = digits.dropFirst()
            }
            guard digits.utf8.count == 3, digits.utf8.allSatisfy({ (48...57).contains($0) }),
                let value = UInt64(digits)
            else { return nil }
            guard position > 0 || isLast || value > 0 else { return nil }  // `x000/…` is not canonical
            let (scaled, overflowed) = index.multipliedReportingOverflow(by: 1000)
            let (sum, carried) = scaled.addingReportingOverflow(value)
            guard !overflowed, !carried else { return nil }
            index = sum
        }
        return index
    }

    /// A decimal number without sign or leading zeros.
    private static func decimal(_ text: String) -> UInt64? {
        guard let first = text.utf8.first, first != UInt8(ascii: "0") || text.utf8.count == 1,
            text.utf8.allSatisfy({ (48...57).contains($0) })
        else { return nil }
        return UInt64(text)
    }
}

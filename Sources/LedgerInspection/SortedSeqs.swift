/// Binary searches over ascending sequence numbers, the form every index keeps.
extension RandomAccessCollection where Element == UInt64, Index == Int {
    /// The position of the first element not below `seq`.
    func firstPosition(notBelow seq: UInt64) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < seq { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether `seq` is one of the elements.
    func containsSorted(_ seq: UInt64) -> Bool {
        let position = firstPosition(notBelow: seq)
        return position < endIndex && self[position] == seq
    }

    /// How many elements are at or below `seq`.
    func countThrough(_ seq: UInt64) -> Int {
        seq == UInt64.max ? count : firstPosition(notBelow: seq + 1) - startIndex
    }
}

extension Array where Element == UInt64 {
    /// Appends `seq` unless it is already the last element (a record naming the same key twice).
    mutating func appendOnce(_ seq: UInt64) {
        if last != seq { append(seq) }
    }

    /// The elements of both ascending arrays, ascending, each once.
    func mergedSorted(with other: [UInt64]) -> [UInt64] {
        var merged: [UInt64] = []
        merged.reserveCapacity(count + other.count)
        var left = 0
        var right = 0
        while left < count || right < other.count {
            if right == other.count || (left < count && self[left] < other[right]) {
                merged.append(self[left])
                left += 1
            } else if left == count || other[right] < self[left] {
                merged.append(other[right])
                right += 1
            } else {
                merged.append(self[left])
                left += 1
                right += 1
            }
        }
        return merged
    }

    /// The elements also in the ascending `other`: one pass over both when they are of like size, a binary search
    /// in the longer one for each element of a much shorter one.
    func intersectedSorted(with other: [UInt64]) -> [UInt64] {
        let (short, long) = count <= other.count ? (self, other) : (other, self)
        if short.count * 16 < long.count { return short.filter { long.containsSorted($0) } }
        var common: [UInt64] = []
        var left = 0
        var right = 0
        while left < short.count && right < long.count {
            if short[left] < long[right] {
                left += 1
            } else if long[right] < short[left] {
                right += 1
            } else {
                common.append(short[left])
                left += 1
                right += 1
            }
        }
        return common
    }
}

import LedgerCore
import TestSupport

/// Bytes from hexadecimal test data; traps on malformed input.
func hexBytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex) }

extension SeededRandom {
    /// Bytes biased toward the characters the note, checkpoint and proof grammars care about.
    mutating func grammarBytes(count: Int) -> [UInt8] {
        let interesting =
            Array("\n\n— +=/0123456789abcAZextra index c2sp.org/tlog-proof@v1".utf8) + [0xE2, 0x80, 0x94, 0x00]
        return (0..<count).map { _ in
            Bool.random(using: &self)
                ? interesting.randomElement(using: &self)! : UInt8.random(in: 0...255, using: &self)
        }
    }

    /// A random document shaped like a proof, a signed checkpoint or a bare checkpoint body, where each part is
    /// sometimes replaced by a random token, so that random inputs also get deep into the parsers.
    mutating func grammarDocument() -> [UInt8] {
        func base64(_ count: Int) -> String {
            Base64.encode((0..<count).map { _ in UInt8.random(in: 0...255, using: &self) })
        }
        func number() -> String {
            String(UInt64.random(in: 0...UInt64.max, using: &self) >> UInt64.random(in: 0...63, using: &self))
        }
        func token() -> String {
            [
                "", "\n", "\n\n", "\u{2014} ", " ", "+", "00", "x y", base64(Int.random(in: 0...40, using: &self)),
                String(decoding: grammarBytes(count: Int.random(in: 1...6, using: &self)), as: UTF8.self),
            ]
            .randomElement(using: &self)!
        }
        func maybe(_ part: String) -> String { Int.random(in: 0..<12, using: &self) == 0 ? token() : part }

        var out = ""
        let shape = Int.random(in: 0..<3, using: &self)
        if shape == 0 {
            out += maybe("c2sp.org/tlog-proof@v1\n")
            if Bool.random(using: &self) { out += maybe("extra \(base64(Int.random(in: 1...20, using: &self)))\n") }
            out += maybe("index \(number())\n")
            for _ in 0..<Int.random(in: 0...3, using: &self) { out += maybe(base64(32) + "\n") }
            out += maybe("\n")
        }
        out += maybe(["example.com/log", "w", "a+b", "x y"].randomElement(using: &self)! + "\n")
        out += maybe(number() + "\n")
        out += maybe(base64(32) + "\n")
        for _ in 0..<Int.random(in: 0...2, using: &self) { out += maybe("ext \(number())\n") }
        if shape != 2 {
            out += maybe("\n")
            for _ in 0..<Int.random(in: 1...3, using: &self) {
                let name = ["example.com/log", "w", "PeterNeumann"].randomElement(using: &self)!
                out += maybe("\u{2014} \(name) \(base64(Int.random(in: 5...80, using: &self)))\n")
            }
        }
        return Array(out.utf8)
    }

    /// `bytes` changed by one to four random edits: flips, insertions, deletions, duplications and truncation.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            let position = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &self)
            switch Int.random(in: 0..<7, using: &self) {
            case 0 where !out.isEmpty:
                out[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &self)
            case 1 where !out.isEmpty:
                out[position] = UInt8.random(in: 0...255, using: &self)
            case 2:
                out.insert(contentsOf: grammarBytes(count: Int.random(in: 1...3, using: &self)), at: position)
            case 3 where !out.isEmpty:
                out.removeSubrange(position..<min(out.count, position + Int.random(in: 1...8, using: &self)))
            case 4 where !out.isEmpty:
                let end = min(out.count, position + Int.random(in: 1...60, using: &self))
                out.insert(contentsOf: out[position..<end], at: Int.random(in: 0...out.count, using: &self))
            case 5:
                out = Array(out.prefix(position))
            default:
                out.insert(0x0A, at: position)
            }
        }
        return out
    }
}

import LedgerCore
import TestSupport
import Testing

@testable import LedgerImport

@Suite struct FramingTests {
    static let lines = Array("{\"a\":1}\r\n\n  \n[2]\n{\"b\":\"x\\ny\"}".utf8)

    /// The same units, numbers and offsets whatever the chunk size.
    @Test(arguments: 1...12)
    func jsonLinesAreCutTheSameWayForEveryChunkSize(_ chunk: Int) {
        var framer = JSONLinesFramer(name: "in", maxLineBytes: 64)
        var units: [FramedUnit] = []
        var start = 0
        while start < Self.lines.count {
            let end = min(Self.lines.count, start + chunk)
            for case .success(let unit) in Self.lines[start..<end].withUnsafeBytes({ framer.feed($0) }) {
                units.append(unit)
            }
            start = end
        }
        for case .success(let unit) in framer.finish() { units.append(unit) }
        #expect(units.map(\.location.number) == [1, 4, 5])
        #expect(units.map(\.location.byteOffset) == [0, 13, 17])
        #expect(units.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\":1}", "[2]", "{\"b\":\"x\\ny\"}"])
    }

    /// `feedLines` leaves a line that lies whole in its chunk where it is and gathers the others: either way the same
    /// units as a plain split of the whole text (line numbers, byte offsets, `\r\n`, blank lines, over-long lines,
    /// one byte either side of the limit), for every chunk size.
    @Test func linesLeftInTheChunkAndGatheredLinesAreTheSameUnits() {
        var rng = SeededRandom(seed: 0xF4A3)
        let pieces = [
            "{\"a\":1}", "[2]", "", "  ", "\r", "x\r", String(repeating: "b", count: 12),
            String(repeating: "c", count: 13), "\t\r", "é",
        ]
        let text = Array((0..<300).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: "\n").utf8)
        let limit = 12

        var expected: [String] = []
        var offset = 0
        for (index, line) in text.split(separator: 0x0a, omittingEmptySubsequences: false).enumerated() {
            defer { offset += line.count + 1 }
            if line.count > limit {
                expected.append("error \(index + 1) \(offset)")
                continue
            }
            let body = line.last == 0x0d ? line.dropLast() : line[...]
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) { continue }
            expected.append("\(index + 1) \(offset) \(String(decoding: body, as: UTF8.self))")
        }

        for chunk in Array(1...40) + [text.count] {
            var framer = JSONLinesFramer(name: "in", maxLineBytes: limit)
            var got: [String] = []
            var leftInChunk = 0
            for start in stride(from: 0, to: text.count, by: chunk) {
                text[start..<min(start + chunk, text.count)].withUnsafeBytes { bytes in
                    for line in framer.feedLines(bytes) {
                        switch line {
                        case .inChunk(let range, let place):
                            let location = place.location(in: framer.name)
                            leftInChunk += 1
                            let body = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                            got.append("\(location.number) \(location.byteOffset) \(body)")
                        case .gathered(let unit):
                            got.append(
                                "\(unit.location.number) \(unit.location.byteOffset) \(String(decoding: unit.bytes, as: UTF8.self))"
                            )
                        case .tooLong(let error):
                            got.append("error \(error.location.number) \(error.byteOffset)")
                        }
                    }
                }
            }
            for result in framer.finish() {
                switch result {
                case .success(let unit):
                    got.append(
                        "\(unit.location.number) \(unit.location.byteOffset) \(String(decoding: unit.bytes, as: UTF8.self))"
                    )
                case .failure(let error):
                    got.append("error \(error.location.number) \(error.byteOffset)")
                }
            }
            #expect(got == expected, "\(chunk)-byte chunks")
            if chunk == text.count { #expect(leftInChunk > 100, "whole lines are left in the chunk") }
        }
    }

    /// An over-long line is reported once, at its first byte, never buffered, and the next line is read normally.
    @Test func anOverLongLineIsSkippedWithoutBufferingIt() {
        var framer = JSONLinesFramer(name: "in", maxLineBytes: 16)
        var results: [Result<FramedUnit, ImportError>] = []
        results += Array("{\"ok\":1}\n".utf8).withUnsafeBytes { framer.feed($0) }
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<100 { results += chunk.withUnsafeBytes { framer.feed($0) } }
        results += Array("\n{\"ok\":2}".utf8).withUnsafeBytes { framer.feed($0) }
        results += framer.finish()
        #expect(results.count == 3)
        guard case .failure(let error) = results[1], case .success(let last) = results[2] else {
            Issue.record("expected an error then a line")
            return
        }
        #expect(error.location.number == 2 && error.byteOffset == 9)
        #expect(error.reason.contains("longer than 16 bytes"))
        #expect(last.location.number == 3 && last.location.byteOffset == 100_010)
    }

    static let array = Array(
        " [ {\"a\":\"]}\\\"[\"} , [1,[2]] ,\"s,]\" , 12 ,true,{\"n\":{\"m\":[]}} ] \n".utf8
    )

    @Test(arguments: 1...10)
    func arrayElementsAreCutTheSameWayForEveryChunkSize(_ chunk: Int) {
        var framer = JSONArrayFramer(name: "in", maxElementBytes: 100, maxDepth: 8)
        var results: [Result<FramedUnit, ImportError>] = []
        var start = 0
        while start < Self.array.count {
            let end = min(Self.array.count, start + chunk)
            results += Self.array[start..<end].withUnsafeBytes { framer.feed($0) }
            start = end
        }
        results += framer.finish()
        let texts = results.compactMap { try? $0.get() }.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(texts == ["{\"a\":\"]}\\\"[\"}", "[1,[2]]", "\"s,]\"", "12", "true", "{\"n\":{\"m\":[]}}"])
        let units = results.compactMap { try? $0.get() }
        #expect(units.map(\.location.number) == [0, 1, 2, 3, 4, 5])
        #expect(units.first?.location.byteOffset == 3)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
    }

    /// 10,000 levels of nesting cost a counter, not a stack: the element is refused and the next one is read.
    @Test func deepNestingIsRefusedAndTheNextElementIsRead() {
        var framer = JSONArrayFramer(name: "in", maxElementBytes: 1 << 20, maxDepth: 32)
        let deep = "[" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ",{\"ok\":1}]"
        let results = Array(deep.utf8).withUnsafeBytes { framer.feed($0) } + framer.finish()
        #expect(results.count == 2)
        guard case .failure(let error) = results[0], case .success(let next) = results[1] else {
            Issue.record("expected an error then an element")
            return
        }
        #expect(error.reason.contains("deeper than 32"))
        #expect(next.location.number == 1)
    }

    @Test(arguments: [
        ("{\"a\":1}", "starting with"), ("[1 2]", "expected \",\" or \"]\""), ("[1,]", "element is missing"),
        ("[1] x", "data after"), ("[1,", "ends before"), ("\u{FEFF}[1]", "byte order mark"),
        ("[,1]", "where an element"),
    ])
    func arrayPunctuationErrorsEndTheInput(_ input: String, _ words: String) {
        var framer = JSONArrayFramer(name: "in", maxElementBytes: 100, maxDepth: 8)
        let results = Array(input.utf8).withUnsafeBytes { framer.feed($0) } + framer.finish()
        let errors = results.compactMap { result -> ImportError? in
            if case .failure(let error) = result { error } else { nil }
        }
        #expect(errors.count == 1, "\(input)")
        #expect(errors.first?.reason.contains(words) == true, "\(input): \(errors)")
    }
}

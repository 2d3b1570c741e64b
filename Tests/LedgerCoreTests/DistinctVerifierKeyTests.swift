import LedgerCore
import Testing

/// Issue #11, D8: a verifier key given twice is one key.
@Suite struct DistinctVerifierKeyTests {
    static let peter = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let enoch = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"

    /// The same key given twice (also with its key ID in capitals) is one key, so a signature is not ambiguous.
    @Test func aRepeatedKeyIsKeptOnce() throws {
        let upper = Self.peter.replacing("c74f20a3", with: "C74F20A3")
        let keys = try NoteVerifierKey.distinct([Self.peter, Self.enoch, Self.peter, upper])
        #expect(keys == [Self.peter, Self.enoch])
    }

    /// Two different keys with one name and key ID (a 32-bit key ID collision, found here by a birthday search)
    /// are refused: no signature could be attributed to one of them.
    @Test func twoKeysWithOneKeyIDAreRefused() throws {
        var seen: [UInt32: [UInt8]] = [:]
        var collision: ([UInt8], [UInt8])?
        var counter: UInt64 = 0
        while collision == nil {
            counter += 1
            var key = [UInt8](repeating: 0, count: 32)
            withUnsafeBytes(of: counter.bigEndian) { key.replaceSubrange(24..<32, with: $0) }
            let id = NoteKeyID.compute(name: "log", type: .ed25519, publicKey: key)
            if let earlier = seen[id] { collision = (earlier, key) } else { seen[id] = key }
        }
        let (a, b) = try #require(collision)
        let first = try Ed25519NoteVerifier(name: "log", publicKey: Ed25519PublicKey(raw: a)).vkey
        let second = try Ed25519NoteVerifier(name: "log", publicKey: Ed25519PublicKey(raw: b)).vkey
        #expect(first != second)
        #expect(throws: NoteKeyError.self) { try NoteVerifierKey.distinct([first, second]) }
        do {
            _ = try NoteVerifierKey.distinct([first, second])
        } catch {
            #expect(
                error
                    == .conflictingKeys(
                        name: "log",
                        keyID: NoteKeyID.compute(name: "log", type: .ed25519, publicKey: a)
                    )
            )
        }
    }
}

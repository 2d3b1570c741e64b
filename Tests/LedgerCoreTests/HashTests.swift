import LedgerCore
import Testing

@Suite struct SHA256Tests {
    @Test func knownAnswers() {
        let sha = SHA256()
        #expect(sha.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha.hash([]) == SHA256.emptyTreeRoot)
    }
}

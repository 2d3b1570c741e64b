import Foundation
import LedgerCore
import LedgerStorage
import NIOHTTP1
import Testing

/// The province page's integrity panel says whether the checkpoint is anchored: the newest checkpoint kept in
/// `checkpoints/`, checked against the records, or "not anchored".
@Suite struct AnchorPanelTests {
    /// The text of the element `id` of `page` up to its closing `</tag>`.
    static func element(_ page: String, _ id: String, tag: String) -> String {
        guard let start = page.range(of: #"id="\#(id)">"#),
            let end = page.range(of: "</\(tag)>", range: start.upperBound..<page.endIndex)
        else { return "" }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// Posts one event and waits until the province page reflects the ledger's new size.
    static func commit(_ browser: WebClient, _ id: String) async throws -> UInt64 {
        let served = browser.served
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body([id]))
        #expect(posted.status == 200, "\(posted.text)")
        let size = served.ledger.size
        try await WitnessPushTests.eventually("the province page shows size \(size)") {
            try await browser.send(.GET, "/").text.contains(#"<dd id="size">\#(size)</dd>"#)
        }
        return size
    }

    @Test func thePanelShowsTheNewestAnchorOrSaysThereIsNone() async throws {
        let served = try await Served.start("anchor-panel")
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let first = try await Self.commit(browser, "a-1")
        let bare = try await browser.send(.GET, "/?lang=en")
        #expect(Self.element(bare.text, "anchor-state", tag: "p").hasPrefix("NOT ANCHORED"), "\(bare.text)")

        // A witness cosigns the checkpoint of size `first`, and it is kept beside the ledger.
        let reader = try LedgerReader(root: served.root)
        let witness = try CosignatureSigner(
            name: "witness.example/w1",
            privateKey: Ed25519PrivateKey(seed: [UInt8](repeating: 7, count: 32)),
            clock: { 1_793_000_000 }
        )
        let checkpoint = try reader.checkpoint()
        let cosigned = try Note.parse(checkpoint).signed(by: [witness]).format()
        let keys = try LogKeys.load(reader.layout).map { $0.verifier as any NoteVerifier }
        #expect(try CheckpointStore(layout: reader.layout).add(cosigned, logVerifiers: keys, reader: reader) == first)
        let later = try await Self.commit(browser, "a-2")
        let anchored = try await browser.send(.GET, "/?lang=en").text
        #expect(Self.element(anchored, "anchor-state", tag: "p").hasPrefix("ANCHORED"), "\(anchored)")
        #expect(Self.element(anchored, "anchor-file", tag: "dd") == "checkpoints/\(LedgerLayout.stem(first)).note")
        #expect(Self.element(anchored, "anchor-size", tag: "dd") == String(first))
        let root = try Checkpoint(note: Note.parse(checkpoint)).rootHash.hex
        #expect(Self.element(anchored, "anchor-root", tag: "dd") == root)
        #expect(Self.element(anchored, "after-anchor", tag: "dd") == "\(first)..&lt;\(later) (\(later - first))")
        let signatures = Self.element(anchored, "anchor-signatures", tag: "table")
        #expect(signatures.contains("<td>witness.example/w1</td>") && signatures.contains("<td>witness</td>"))
        #expect(signatures.contains(Timestamp.format(unixMillis: 1_793_000_000_000)), "when it was cosigned")
        #expect(signatures.contains("<td>example.org/serve-test</td>"), "the ledger's own signature")

        // A forged anchor (another root at a larger size, signed by some other key) is shown as not agreeing.
        let forger = try Ed25519NoteSigner.generate(name: "example.org/serve-test")
        let forged = try Checkpoint(origin: "example.org/serve-test", size: later, rootHash: SHA256.emptyTreeRoot)
        let file = served.root + "/checkpoints/" + LedgerLayout.stem(later) + ".note"
        try Data(try Note.sign(text: forged.text, signers: [forger]).format()).write(to: URL(fileURLWithPath: file))
        _ = try await Self.commit(browser, "a-3")
        let disagreeing = try await browser.send(.GET, "/?lang=en").text
        #expect(Self.element(disagreeing, "anchor-state", tag: "p").hasPrefix("DOES NOT AGREE"), "\(disagreeing)")
        #expect(Self.element(disagreeing, "anchor-size", tag: "dd") == String(later))
        try await served.stop()
    }
}

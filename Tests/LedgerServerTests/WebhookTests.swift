import Foundation
import LedgerCore
import LedgerImport
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// `POST /v1/zalo-oa/webhook`: the X-ZEvent-Signature MAC over the raw body, as `import oa-webhook` checks it.
@Suite struct WebhookTests {
    static let appID = "1234567890123456789"

    /// The first signed delivery of the fixture: its header value and its raw body.
    static func delivery() throws -> (signature: String, body: [UInt8]) {
        let lines = try Fixtures.bytes("import/oa-webhook/signed.jsonl").split(separator: 0x0a)
        let line = try JSONParser().parse(Array(try #require(lines.first)))
        return (
            try #require(line["signature"]?.stringValue), Array(try #require(line["body"]?.stringValue).utf8)
        )
    }

    static func start(_ label: String) async throws -> Served {
        var secret = try Fixtures.bytes("import/oa-webhook/secret.txt")
        while secret.last == 0x0a { secret.removeLast() }
        let options = OAWebhookOptions(secret: secret, appID: appID)
        return try await Served.start(label) { $0.oaWebhook = options }
    }

    func post(_ served: Served, signature: String?, body: [UInt8]) async throws -> Answer {
        try await served.send(
            .POST,
            "/v1/zalo-oa/webhook",
            contentType: "application/json",
            headers: signature.map { [("X-ZEvent-Signature", $0)] } ?? [],
            body: body
        )
    }

    @Test func aSignedDeliveryIsStoredAndItsReplayIsADuplicate() async throws {
        let served = try await WebhookTests.start("signed")
        let (signature, body) = try WebhookTests.delivery()
        let before = served.ledger.size
        let first = try await post(served, signature: signature, body: body)
        #expect(first.status == 200, "\(first.text)")
        #expect(first.int("appended") == 1)
        #expect(served.ledger.size == before + 1)
        let replay = try await post(served, signature: signature, body: body)
        #expect(replay.status == 200)
        #expect(replay.int("appended") == 0)
        #expect(replay.int("duplicates") == 1)
        #expect(served.ledger.size == before + 1)
        try await served.stop()
    }

    @Test func aTamperedDeliveryIs401AndNothingIsStored() async throws {
        let served = try await WebhookTests.start("tampered")
        let (signature, body) = try WebhookTests.delivery()
        let text = String(decoding: body, as: UTF8.self)
        let tampered = Array(text.replacingOccurrences(of: "oamsg-001", with: "oamsg-999").utf8)
        #expect(tampered != body)
        let before = served.ledger.size
        let answer = try await post(served, signature: signature, body: tampered)
        #expect(answer.status == 401, "\(answer.text)")
        let wrongMAC = try await post(served, signature: "mac=" + String(repeating: "0", count: 64), body: body)
        #expect(wrongMAC.status == 401)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func aDeliveryWithoutASignatureIs401() async throws {
        let served = try await WebhookTests.start("unsigned")
        let before = served.ledger.size
        let answer = try await post(served, signature: nil, body: try WebhookTests.delivery().body)
        #expect(answer.status == 401)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func theWebhookIsOffWithoutASecret() async throws {
        let served = try await Served.start("off")
        let (signature, body) = try WebhookTests.delivery()
        #expect(try await post(served, signature: signature, body: body).status == 404)
        try await served.stop()
    }
}

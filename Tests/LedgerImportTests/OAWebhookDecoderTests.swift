import Foundation
import GroupDomain
import LedgerCore
import Testing

@testable import LedgerImport

@Suite struct OAWebhookDecoderTests {
    static let secret = Array("fixture-oa-secret-key-not-real".utf8)
    static let source = ImportSource(name: "oa.jsonl")

    static func decode(_ name: String, secret: [UInt8]? = nil, appID: String? = nil) -> Decoded {
        var decoder = OAWebhookDecoder(source: source, options: OAWebhookOptions(secret: secret, appID: appID))
        return decoder.decode(Fixture.bytes(name), chunk: 100)
    }

    /// The fixture's MACs were computed by Python's hashlib (Fixtures/import/make-fixtures.py): an independent
    /// implementation of sha256(app_id + body + timestamp + secret) agrees with ours.
    @Test func signedBodiesAreVerified() throws {
        let decoded = Self.decode("oa-webhook/signed.jsonl", secret: Self.secret, appID: "1234567890123456789")
        #expect(decoded.rejected.isEmpty, "\(decoded.rejected)")
        #expect(decoded.events.count == 9 && decoded.skipped.count == 1)
        for event in decoded.events {
            try EventCatalogue.validate(event, at: "test")
            #expect(event.data("source")?["signature"] == "verified")
        }
        let text = try #require(decoded.events.first)
        #expect(text.type == "post.created" && text.id == "oa:user_send_group_text:oamsg-001")
        #expect(text.group == "g-oa-f2a1c0ffee5a1d00" && text.data("kind") == "text")
        // A 12-digit timestamp, as in Zalo's own documentation example, is a millisecond time missing its last
        // digit (read as milliseconds it would be 1975): "176213071200" is 2025-11-03.
        #expect(text.time.unixMillis == 1_762_130_712_000)
        #expect(text.time.text.hasPrefix("2025-11-03"))
        let file = try #require(decoded.events.first { $0.data("kind") == "file" })
        #expect(file.content("attachments") == [["title": "Bao-cao.pdf", "href": "https://file.example.zdn.vn/f"]])
        #expect(decoded.events(ofType: "member.joined").first?.data("accounts") == ["1357924680"])
        #expect(decoded.events(ofType: "member.left").count == 1)
        let acts = decoded.events(ofType: "group.platform_event").compactMap { $0.data("act")?.stringValue }
        #expect(acts == ["add_group_admin", "update_group_info", "some_future_event"])
    }

    @Test func aTamperedBodyIsRejected() {
        let decoded = Self.decode("oa-webhook/tampered.jsonl", secret: Self.secret)
        #expect(decoded.events.isEmpty)
        #expect(decoded.rejected.first?.description.contains("$.signature: X-ZEvent-Signature does not match") == true)
    }

    @Test func withASecretBareBodiesAreRejected() {
        let decoded = Self.decode("oa-webhook/bare.jsonl", secret: Self.secret)
        #expect(decoded.events.isEmpty && decoded.rejected.count == 10)
        #expect(decoded.rejected.first?.reason.contains("unsigned body") == true)
    }

    @Test func theWrongSecretOrAppIsRejected() {
        #expect(Self.decode("oa-webhook/signed.jsonl", secret: Array("other".utf8)).rejected.count == 10)
        let wrongApp = Self.decode("oa-webhook/signed.jsonl", secret: Self.secret, appID: "42")
        #expect(wrongApp.rejected.count == 10)
        #expect(wrongApp.rejected.first?.description.contains("$.body.app_id") == true)
    }

    /// `--oa-app-id` checks bare bodies too (found by FuzzOAWebhook: they used to bypass it; regression input
    /// Fuzz/corpus/FuzzOAWebhook/crash-fa121ebe6f30f1bbe8d60ff6f375a3b217d8c385).
    @Test func theAppIsCheckedOnBareBodiesToo() {
        let right = Self.decode("oa-webhook/bare.jsonl", appID: "1234567890123456789")
        #expect(right.rejected.isEmpty && right.events.count == 9)
        let wrongApp = Self.decode("oa-webhook/bare.jsonl", appID: "42")
        #expect(wrongApp.events.isEmpty && wrongApp.rejected.count == 10)
        #expect(wrongApp.rejected.first?.description.contains("field $.app_id: is 1234567890123456789, not") == true)
        var decoder = OAWebhookDecoder(source: Self.source, options: OAWebhookOptions(appID: "42"))
        let noApp = Decoded(decoder.decodeAll(Array(#"{"event_name":"user_join_group","timestamp":1}"#.utf8)))
        #expect(noApp.rejected.first?.description.contains("field $.app_id: is required") == true)
    }

    @Test func withoutASecretSignaturesAreMarkedUnchecked() {
        let signed = Self.decode("oa-webhook/signed.jsonl")
        #expect(signed.events.allSatisfy { $0.data("source")?["signature"] == "unchecked" })
        let bare = Self.decode("oa-webhook/bare.jsonl")
        #expect(bare.events.count == 9 && bare.events.allSatisfy { $0.data("source")?["signature"] == nil })
        #expect(Set(bare.events.map(\.id)) == Set(signed.events.map(\.id)))
    }

    @Test func headerFormsAreComparedInConstantTime() {
        let mac = OASignature.mac(appID: "1", body: Array("{}".utf8), timestamp: "2", secret: Array("s".utf8))
        #expect(mac == SHA256().hash(Array("1{}2s".utf8)).hex)
        #expect(OASignature.matches(header: "mac=" + mac, expected: mac))
        #expect(OASignature.matches(header: "mac = " + mac.uppercased(), expected: mac))
        #expect(OASignature.matches(header: mac, expected: mac))
        #expect(!OASignature.matches(header: "mac=" + mac.dropLast() + "0", expected: mac) || mac.hasSuffix("0"))
        #expect(!OASignature.matches(header: "mac=", expected: mac))
        #expect(!OASignature.matches(header: "hmac=" + mac, expected: mac))
    }
}

// Zalo OA webhook importer (`OAWebhookDecoder`): one delivery per line, a bare body or `{"signature", "body"}`, as
// `groupledger import --format oa-webhook` reads them, with and without `--oa-secret` and `--oa-app-id`.
//
// Properties (see FuzzSupport/ImportProperties.swift): no crash or trap; deterministic and chunking-invariant
// outcomes, each on its own non-blank line, inside the input; every accepted event passes `append`'s checks and the
// stored-record decoder; ids do not depend on the input's name. Beyond those:
// - `--oa-app-id`: a line is either refused or gives what it gives without the option, and only when its body's
//   `app_id` is that app (documented: "every body's app_id");
// - signatures: the harness signs every `{"signature", "body"}` line with a test secret (the fuzzer cannot compute
//   SHA-256). With that secret, the signed input passes every shared property; each signed line gives what it gives
//   without the secret (or both refuse it), marked `"signature": "verified"` instead of `"unchecked"`; every other
//   line is refused. With one hex digit of each MAC changed, nothing at all is accepted.
import FuzzSupport
import LedgerCore
import LedgerImport

let secret = Array("fuzz-oa-secret-key-not-real".utf8)
let app = "1234567890123456789"
let plain = ImportHarness(format: .oaWebhook, unit: .line) { source in
    OAWebhookDecoder(source: source, limits: ImportHarness.limits)
}
let appOnly = ImportHarness(format: .oaWebhook, unit: .line) { source in
    OAWebhookDecoder(source: source, options: OAWebhookOptions(appID: app), limits: ImportHarness.limits)
}
let signed = ImportHarness(format: .oaWebhook, unit: .line) { source in
    OAWebhookDecoder(source: source, options: OAWebhookOptions(secret: secret), limits: ImportHarness.limits)
}
let parser = JSONParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let lines = bytes.split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
    let outcomes = plain.check(bytes)

    // Outcomes of one input come in line order, one per non-blank line (checked above): index them by line.
    func byLine(_ outcomes: [ImportOutcome]) -> [Int: ImportOutcome] {
        Dictionary(outcomes.map { (number($0), $0) }, uniquingKeysWith: { first, _ in first })
    }
    let withApp = byLine(appOnly.decode(bytes))
    let without = byLine(outcomes)
    Fuzz.require(withApp.keys.sorted() == without.keys.sorted(), "--oa-app-id changes which lines give outcomes")
    for (line, outcome) in withApp where !isRejected(outcome) {
        Fuzz.require(
            ImportHarness.summary([outcome]) == ImportHarness.summary([without[line]!]),
            "line \(line): --oa-app-id changes what the line gives"
        )
        Fuzz.require(
            appID(of: lines[line - 1]) == app,
            "line \(line): accepted with --oa-app-id \(app), but its body's app_id is \(appID(of: lines[line - 1]) ?? "absent")"
        )
    }

    var signedLines = Set<Int>()
    var good: [UInt8] = []
    var bad: [UInt8] = []
    for (index, line) in lines.enumerated() {
        if index > 0 {
            good.append(0x0a)
            bad.append(0x0a)
        }
        guard let (right, wrong) = sign(line) else {
            good += line
            bad += line
            continue
        }
        signedLines.insert(index + 1)
        good += right
        bad += wrong
    }
    let verified = byLine(signed.check(good))
    let unchecked = byLine(plain.decode(good))
    Fuzz.require(verified.keys.sorted() == unchecked.keys.sorted(), "the secret changes which lines give outcomes")
    for (line, outcome) in verified {
        guard signedLines.contains(line) else {
            Fuzz.require(isRejected(outcome), "line \(line): an unsigned line is accepted with a secret")
            continue
        }
        let other = unchecked[line]!
        Fuzz.require(
            isRejected(outcome) == isRejected(other),
            "line \(line): a correct MAC changes whether it is refused"
        )
        guard !isRejected(outcome) else { continue }
        Fuzz.require(
            ImportHarness.summary([outcome]) == ImportHarness.summary([other]),
            "line \(line): a correct MAC changes what the line gives"
        )
        guard case .events = outcome else { continue }
        Fuzz.require(signatures(outcome) == ["verified"], "line \(line): a checked MAC is not recorded as verified")
        Fuzz.require(signatures(other) == ["unchecked"], "line \(line): an unchecked MAC is not recorded as such")
    }
    for (line, outcome) in byLine(signed.decode(bad)) {
        Fuzz.require(isRejected(outcome), "line \(line): accepted with a wrong MAC")
    }
    return 0
}

func number(_ outcome: ImportOutcome) -> Int {
    switch outcome {
    case .events(_, let location), .skipped(let location, _): location.number
    case .rejected(let error): error.location.number
    }
}

func isRejected(_ outcome: ImportOutcome) -> Bool {
    if case .rejected = outcome { true } else { false }
}

/// The distinct `data.source.signature` values of the outcome's events.
func signatures(_ outcome: ImportOutcome) -> Set<String> {
    guard case .events(let events, _) = outcome else { return [] }
    return Set(events.map(ImportHarness.envelope).map { $0.data?["source"]?["signature"]?.stringValue ?? "absent" })
}

/// The text of an id as the decoder reads it: a string, or an integer's digits.
func identifier(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text)?: text
    case .number(let number)?: number.integerDigits
    default: nil
    }
}

/// The body of a line: its `body` string parsed, or the line itself.
func body(of line: [UInt8]) -> JSONValue? {
    guard let root = try? parser.parse(line) else { return nil }
    guard case .string(let text)? = root["body"] else { return root }
    return try? parser.parse(Array(text.utf8))
}

func appID(of line: [UInt8]) -> String? { identifier(body(of: line)?["app_id"]) }

/// The line with its MAC computed with the test secret, and with one hex digit of it changed; `nil` for a line that
/// is not a signed line with a body the MAC can be computed from.
func sign(_ line: [UInt8]) -> ([UInt8], [UInt8])? {
    guard case .object(let root)? = try? parser.parse(line), case .string(let text)? = root["body"],
        let body = try? parser.parse(Array(text.utf8)), let appID = identifier(body["app_id"])
    else { return nil }
    let timestamp: String
    switch body["timestamp"] {
    case .string(let string)?: timestamp = string
    case .number(let number)?: timestamp = number.text
    default: return nil
    }
    let mac = OASignature.mac(appID: appID, body: Array(text.utf8), timestamp: timestamp, secret: secret)
    let wrong = (mac.first == "0" ? "1" : "0") + mac.dropFirst()
    func with(_ signature: String) -> [UInt8] {
        let members = root.members.filter { $0.key != "signature" } + [("signature", .string("mac=" + signature))]
        return JCS.serialize(.object(JSONObject(members: members)))
    }
    return (with(mac), with(wrong))
}

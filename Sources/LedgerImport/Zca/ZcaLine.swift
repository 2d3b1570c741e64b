import LedgerCore

/// One line of a zca capture: `{"event", "payload", "account", "time"?, "session"?}` (see `docs/IMPORT.md`), with
/// what every mapping of it needs.
struct ZcaLine {
    static let keys: Set<String> = ["event", "payload", "account", "time", "session"]

    let unit: FramedUnit
    let root: Field
    /// The listener callback's name: `message`, `group_event`, …
    let event: String
    /// The object the listener passed.
    let payload: Field
    /// The capture account's uid; it replaces the `"0"` that raw frames use for the logged-in account.
    let account: String
    /// When the sidecar received the callback (RFC 3339), for callbacks that carry no time of their own.
    let captureTime: String?
    /// The capture time's epoch milliseconds as written, for ids.
    let captureMillis: String?
    /// The sidecar's session id, if it gave one.
    let session: String?

    init(_ unit: FramedUnit, limits: ImportLimits) throws(ImportError) {
        self.unit = unit
        let value = try UnitJSON.parse(unit, limits: limits)
        root = Field(value, location: unit.location)
        let object = try root.object()
        for key in object.keys where !ZcaLine.keys.contains(key) {
            throw root[key].error(
                "is not part of a zca capture line (allowed: account, event, payload, session, time)"
            )
        }
        event = try root["event"].text()
        payload = root["payload"]
        account = try root["account"].zaloId()
        if root["time"].isPresent {
            captureTime = try root["time"].epochMillis()
            captureMillis = String(try root["time"].integer())
        } else {
            captureTime = nil
            captureMillis = nil
        }
        session = try root["session"].isPresent ? root["session"].label() : nil
    }

    var location: SourceLocation { unit.location }

    /// The capture time, or an error naming the field that should have carried a time.
    func requireCaptureTime(for what: String) throws(ImportError) -> String {
        guard let captureTime else {
            throw root["time"].error(
                "is required for \(what): the listener gives no time, so the capture line must carry the time it "
                    + "was received (epoch milliseconds)"
            )
        }
        return captureTime
    }

    /// A uid from the payload, with zca's `"0"` (the logged-in account) replaced by the capture account.
    func uid(_ field: Field) throws(ImportError) -> String {
        let id = try field.zaloId()
        return id == "0" ? account : id
    }
}

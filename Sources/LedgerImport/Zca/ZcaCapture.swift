import GroupDomain
import LedgerCore

extension ZcaDecoder {
    /// The listener's close codes (zca-js `CloseReason`, and the WebSocket standard's 1006).
    static let closeReasons: [Int64: String] = [
        1000: "manual closure", 1006: "abnormal closure", 3000: "duplicate connection (Zalo Web opened elsewhere)",
        3003: "kicked",
    ]

    /// The listener's `connected` → `capture.started`, and `closed` (payload: the close code) →
    /// `capture.stopped`, ids `zca-capture:{account}:started:{time}` / `…:stopped:{time}`. Both need the capture
    /// line's `time`: the listener gives none.
    func capture(_ line: ZcaLine) throws(ImportError) -> Mapped {
        let started = line.event == "connected"
        let time = try line.requireCaptureTime(for: "the listener's \(line.event) callback")
        var draft = EventDraft(
            id: IdempotencyKey.make(
                "zca-capture",
                [line.account, started ? "started" : "stopped", line.captureMillis!],
                sha: sha
            ),
            type: started ? .captureStarted : .captureStopped,
            time: time,
            actor: line.account,
            group: nil
        )
        draft.set("account", .string(line.account))
        if !started {
            let code = try line.payload.integer()
            draft.set("code", .number(JSONNumber(code)))
            if let reason = ZcaDecoder.closeReasons[code] { draft.set("reason", .string(reason)) }
        }
        if let session = line.session { draft.set("session", .string(session)) }
        return .drafts([draft])
    }
}

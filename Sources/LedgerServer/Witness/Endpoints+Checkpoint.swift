import HTTPTypes
import Hummingbird

extension Endpoints {
    /// `GET /checkpoint` (C2SP tlog-tiles): with witnesses, the newest checkpoint that met their quorum, with its
    /// cosignature lines (503 until one has); without, the newest signed checkpoint. Never cached beyond seconds.
    func checkpointAnswer() -> Response {
        let headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "max-age=2"]
        guard let witnesses else { return Reply.bytesResponse(.ok, checkpoint.note, headers: headers) }
        guard let note = witnesses.note else {
            return Reply.unavailable(
                "no checkpoint has met the witness quorum yet; see groupledger_witness_pushes_total in /metrics and "
                    + "the server's log for each witness's result",
                retryAfter: settings.retryAfterSeconds
            )
        }
        return Reply.bytesResponse(.ok, note, headers: headers)
    }
}

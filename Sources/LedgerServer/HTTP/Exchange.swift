/// What the access log and the metrics learn about one request while it is answered.
struct Exchange {
    /// The token's name, `zalo-oa` for a webhook delivery, or `-` when none was accepted.
    var token = "-"
    /// The route's name, or `-` for an unknown path.
    var route = "-"
    /// Body bytes read.
    var bytesIn = 0
}

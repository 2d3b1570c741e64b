import NIOCore

extension Duration {
    /// The duration as NIO's `TimeAmount` (nanoseconds; shorter parts are dropped).
    var timeAmount: TimeAmount {
        let parts = components
        return .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}

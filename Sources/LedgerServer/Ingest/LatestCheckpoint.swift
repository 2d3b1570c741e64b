import Synchronization

/// The newest signed checkpoint the server's commits produced, for `GET /checkpoint`: kept here so that a read
/// never waits for the writer (whose state is locked while a commit syncs). Commits finish in any order, so the
/// larger tree wins.
final class LatestCheckpoint: Sendable {
    private let latest: Mutex<(size: UInt64, note: [UInt8])>

    init(_ note: [UInt8]) { latest = Mutex((LatestCheckpoint.size(of: note) ?? 0, note)) }

    /// Keeps `note` if its tree is larger than the one kept; returns the size of the tree kept.
    @discardableResult
    func offer(_ note: [UInt8]) -> UInt64 {
        let size = LatestCheckpoint.size(of: note) ?? 0
        return latest.withLock { kept in
            if size > kept.size { kept = (size, note) }
            return kept.size
        }
    }

    /// The checkpoint's bytes (a C2SP signed note).
    var note: [UInt8] { latest.withLock { $0.note } }

    /// Its tree size: tiles are served up to it.
    var size: UInt64 { latest.withLock { $0.size } }

    /// The tree size: the second line of the note (C2SP `tlog-checkpoint`).
    private static func size(of note: [UInt8]) -> UInt64? {
        let lines = note.split(separator: 0x0a, maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2 else { return nil }
        return UInt64(String(decoding: lines[1], as: UTF8.self))
    }
}

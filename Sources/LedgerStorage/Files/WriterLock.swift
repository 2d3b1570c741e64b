public import LedgerCore
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// The single-writer lock: an exclusive `flock(2)` on the ledger's `lock` file, which also records the holder's
/// pid and start time so that a second writer can say who holds it. The kernel drops the lock when the process
/// dies, so a crash never leaves a stale lock behind.
public struct WriterLock: Sendable {
    private let file: LedgerFile

    /// Takes the lock or fails at once with code `.locked`, naming the holder.
    public static func acquire(_ layout: LedgerLayout) throws(LedgerError) -> WriterLock {
        let file = try LedgerFile.open(
            layout.lockPath,
            name: "lock",
            .readWrite,
            options: [.create],
            permissions: .init(rawValue: 0o644)
        )
        guard try file.tryLockExclusive() else {
            let holder = String(decoding: (try? file.readAll()) ?? [], as: UTF8.self)
                .trimmingSuffix(while: { $0 == "\n" })
            file.close()
            throw LedgerError(
                .locked,
                "another writer holds \(layout.root)"
                    + (holder.isEmpty ? "" : " (\(holder))") + "; wait for it to finish, readers may proceed"
            )
        }
        let note = "pid \(getpid()) since \(Timestamp.format(unixMillis: Int64(time(nil)) * 1000))\n"
        try file.truncate(to: 0)
        try file.write(Array(note.utf8), at: 0)
        return WriterLock(file: file)
    }

    /// Releases the lock by closing the file.
    public func release() { file.close() }
}

extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var s = self
        while let last = s.last, predicate(last) { s.removeLast() }
        return s
    }
}

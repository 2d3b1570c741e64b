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
            let holder = holderNote(file)
            file.close()
            throw LedgerError(
                .locked,
                "another writer holds \(layout.root)"
                    + (holder.map { " (\($0))" } ?? "") + "; wait for it to finish, readers may proceed"
            )
        }
        // Write the note over the old one, then cut what is left of a longer old note: a contender never reads an
        // empty file.
        let note = Array("pid \(getpid()) since \(Timestamp.format(unixMillis: Int64(time(nil)) * 1000))\n".utf8)
        try file.write(note, at: 0)
        try file.truncate(to: UInt64(note.count))
        return WriterLock(file: file)
    }

    /// The holder's note, read again for up to 100 ms while it is missing or names a process that is gone (the
    /// holder writes it just after taking the lock).
    private static func holderNote(_ file: LedgerFile) -> String? {
        for _ in 0..<20 {
            let text = String(decoding: (try? file.readAll()) ?? [], as: UTF8.self).trimmingSuffix(while: \.isNewline)
            let words = text.split(separator: " ")
            if words.count >= 2, words[0] == "pid", let pid = pid_t(words[1]), kill(pid, 0) == 0 {
                return text
            }
            usleep(5_000)
        }
        return nil
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

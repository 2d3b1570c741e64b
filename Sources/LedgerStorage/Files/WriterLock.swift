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

    /// Takes the lock, or fails with code `.locked` naming the holder.
    ///
    /// - Parameter holder: what a contender is told after the pid, to say what holds the ledger and what to do
    ///   instead (`groupledger serve` names its HTTP API).
    ///
    /// A holder writes its note just after taking the lock and the kernel drops the lock when it exits, so a
    /// contender that finds no note, or a note naming a process that is gone, is racing a holder that is starting
    /// or finishing: it tries the lock again for up to 100 ms rather than refuse without a name. It does the same
    /// when the note names its own process: a writer of this process that has just closed may still have its lock
    /// shared with a child this process is spawning (the child holds a copy of every descriptor until its `exec`
    /// closes them), and the lock is free once that `exec` is done. Only a note naming another live process is
    /// refused at once.
    public static func acquire(_ layout: LedgerLayout, holder: String? = nil) throws(LedgerError) -> WriterLock {
        let file = try LedgerFile.open(
            layout.lockPath,
            name: "lock",
            .readWrite,
            options: [.create],
            permissions: .init(rawValue: 0o644)
        )
        var lastNote: String?
        for attempt in 0..<20 {
            if attempt > 0 { usleep(5_000) }
            do {
                if try file.tryLockExclusive() {
                    try writeNote(file, holder: holder)
                    return WriterLock(file: file)
                }
            } catch {
                file.close()
                throw error
            }
            let note = holderNote(file)
            lastNote = note.text ?? lastNote
            if note.isLive && note.pid != getpid() { break }
        }
        file.close()
        throw LedgerError(
            .locked,
            "another writer holds \(layout.root)"
                + (lastNote.map { " (\($0))" } ?? "") + "; wait for it to finish, readers may proceed"
        )
    }

    /// Writes the note over the old one, then cuts what is left of a longer old note: a contender never reads an
    /// empty file.
    private static func writeNote(_ file: LedgerFile, holder: String?) throws(LedgerError) {
        let since = Timestamp.format(unixMillis: Int64(time(nil)) * 1000)
        let note = Array("pid \(getpid()) since \(since)\(holder.map { ", " + $0 } ?? "")\n".utf8)
        try file.write(note, at: 0)
        try file.truncate(to: UInt64(note.count))
    }

    /// The holder's note, the pid it names and whether that process is running (`EPERM` counts: it exists but is
    /// not ours).
    private static func holderNote(_ file: LedgerFile) -> (text: String?, pid: pid_t?, isLive: Bool) {
        let text = String(decoding: (try? file.readAll()) ?? [], as: UTF8.self).trimmingSuffix(while: \.isNewline)
        let words = text.split(separator: " ")
        guard words.count >= 2, words[0] == "pid", let pid = pid_t(words[1]) else { return (nil, nil, false) }
        return (text, pid, kill(pid, 0) == 0 || errno == EPERM)
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

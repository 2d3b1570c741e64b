import Foundation
import LedgerCore
import LedgerStorage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The lock taken by a holder that this test controls: an `flock` on `<root>/lock` whose note names `pid` — by
/// default a pid that cannot exist (above any `pid_max`), as when the holder has exited between a contender's two
/// reads.
private struct FakeHolder {
    static let deadPid: Int32 = 2_147_483_647
    let descriptor: Int32

    init(root: String, pid: Int32 = deadPid) throws {
        descriptor = open(root + "/lock", O_RDWR)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let note = Array("pid \(pid) since 2026-11-29T00:00:00Z\n".utf8)
        try #require(ftruncate(descriptor, 0) == 0)
        try #require(note.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } == note.count)
    }

    func release() { close(descriptor) }
}

@Suite struct WriterLockTests {
    @Test func contenderTakesTheLockWhenTheNamedHolderIsGoneAndTheLockIsFreed() throws {
        let dir = TemporaryDirectory("lock-gone")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Ledger.create(at: root, origin: "example.org/test").close()
        let holder = try FakeHolder(root: root)
        let releaser = Thread {
            usleep(30_000)
            holder.release()
        }
        releaser.start()

        let ledger = try Ledger.open(at: root)
        defer { ledger.close() }
        #expect(try ledger.append([Events.post(1)]).appended == 1)
        let note = try String(contentsOfFile: root + "/lock", encoding: .utf8)
        #expect(note.hasPrefix("pid \(ProcessInfo.processInfo.processIdentifier) since "))
    }

    /// A writer of this process that has just closed can still hold its lock for a moment: a child this process
    /// is spawning at that instant shares the lock's descriptor until its `exec` closes it. A contender of the same
    /// process waits that out instead of refusing (the test suite's own subprocesses caused exactly this).
    @Test func aLockOfThisProcessFreedMomentsLaterIsTaken() throws {
        let dir = TemporaryDirectory("lock-own")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Ledger.create(at: root, origin: "example.org/test").close()
        let holder = try FakeHolder(root: root, pid: getpid())
        let releaser = Thread {
            usleep(30_000)
            holder.release()
        }
        releaser.start()

        let ledger = try Ledger.open(at: root)
        defer { ledger.close() }
        #expect(try ledger.append([Events.post(1)]).appended == 1)
    }

    @Test func lockStillHeldUnderAStaleNoteIsRefusedWithThatNote() throws {
        let dir = TemporaryDirectory("lock-stale")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Ledger.create(at: root, origin: "example.org/test").close()
        let holder = try FakeHolder(root: root)
        defer { holder.release() }

        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: root) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("(pid \(FakeHolder.deadPid) since 2026-11-29T00:00:00Z)") == true)
    }
}

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

    func release() { Descriptor.close(descriptor, name: "lock (test holder)") }
}

@Suite struct WriterLockTests {
    /// Whom the note of a lock freed moments later names.
    enum FreedHolder: CaseIterable {
        /// A process that is gone: the holder exited between the contender's two reads.
        case gone
        /// This process: a writer of it that has just closed can still hold its lock for a moment, through a child
        /// this process is spawning at that instant, which shares the lock's descriptor until its `exec` closes it
        /// (the test suite's own subprocesses caused exactly this).
        case thisProcess

        var pid: Int32 { self == .gone ? FakeHolder.deadPid : getpid() }
    }

    /// Either way the contender tries again instead of refusing, and takes the lock once it is free.
    @Test(arguments: FreedHolder.allCases) func aLockFreedMomentsLaterIsTaken(_ named: FreedHolder) throws {
        let dir = TemporaryDirectory("lock-freed")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Ledger.create(at: root, origin: "example.org/test").close()
        let holder = try FakeHolder(root: root, pid: named.pid)
        let releaser = Thread {
            usleep(30_000)
            holder.release()
        }
        releaser.start()

        let ledger = try Ledger.open(at: root)
        defer { ledger.close() }
        #expect(try ledger.append([Events.post(1)]).appended == 1)
        let note = try String(contentsOfFile: root + "/lock", encoding: .utf8)
        #expect(note.hasPrefix("pid \(ProcessInfo.processInfo.processIdentifier) since 20"))
    }

    /// A holder that another live process names (here the test's parent) is refused without waiting for it.
    @Test func aLockHeldUnderANoteNamingAnotherLiveProcessIsRefusedWithThatNote() throws {
        let dir = TemporaryDirectory("lock-other")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Ledger.create(at: root, origin: "example.org/test").close()
        let holder = try FakeHolder(root: root, pid: getppid())
        defer { holder.release() }

        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: root) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("(pid \(getppid()) since 2026-11-29T00:00:00Z)") == true)
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

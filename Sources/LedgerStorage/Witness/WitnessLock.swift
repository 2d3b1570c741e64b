import LedgerCore
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive `flock(2)` on a witness's `lock` file, held for the whole read-check-write of one cosign run.
///
/// C2SP tlog-witness requires the check of the old size and the write of the new checkpoint to be atomic, or two
/// concurrent requests (sizes N and N+K) can leave the witness at N after it cosigned N+K, rolling back K leaves.
/// A second run waits for the lock (polling, so that it can give up after a timeout and say who holds it). The
/// kernel drops the lock when the holder exits, so a crashed run never leaves a stale lock.
struct WitnessLock: Sendable {
    private let file: LedgerFile

    /// Takes the lock, waiting up to `timeout`; fails with code `.locked`, naming the holder, when it cannot.
    static func acquire(_ layout: WitnessLayout, timeout: Duration) throws(LedgerError) -> WitnessLock {
        let file = try LedgerFile.open(
            layout.lockPath,
            name: "lock",
            .readWrite,
            options: [.create],
            permissions: .init(rawValue: 0o644)
        )
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        do throws(LedgerError) {
            while !(try file.tryLockExclusive()) {
                guard clock.now < deadline else {
                    let holder = String(decoding: (try? file.readAll()) ?? [], as: UTF8.self)
                        .trimmingSuffix(while: { $0 == "\n" })
                    throw LedgerError(
                        .locked,
                        "another cosign run holds \(layout.lockPath)" + (holder.isEmpty ? "" : " (\(holder))")
                            + " and did not finish within \(timeout); try again when it has"
                    )
                }
                usleep(2_000)
            }
            try file.truncate(to: 0)
            try file.write(Array("pid \(getpid())\n".utf8), at: 0)
        } catch {
            file.close()
            throw error
        }
        return WitnessLock(file: file)
    }

    /// Releases the lock by closing the file.
    func release() { file.close() }
}

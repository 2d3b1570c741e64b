import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM received since ``install()`` (a signal handler can capture nothing; lock-free atomics are
/// safe to touch in one).
private let interruptions = Atomic<Int>(0)

/// Turns the first SIGINT or SIGTERM during `append` or `import` into a request to stop cleanly — the run notices it
/// after the chunk in hand, abandons its staged records (cut back out of the files) and exits 130 — and the second
/// into the default action, for a run stuck on an input that never ends (a terminal on standard input).
enum InterruptSignals {
    /// Installs the handlers.
    static func install() {
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { number in
            if interruptions.add(1, ordering: .sequentiallyConsistent).oldValue > 0 {
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        FollowSignals.unblock()
    }

    /// Whether a SIGINT or SIGTERM arrived.
    static var received: Bool { interruptions.load(ordering: .sequentiallyConsistent) > 0 }
}

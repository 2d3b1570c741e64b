import LedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the self-pipe the SIGTERM/SIGINT handler writes to (a signal handler can capture nothing).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Turns SIGTERM and SIGINT into a readable descriptor (the self-pipe trick), so that a follow loop can `poll` its
/// input and the signals together, commit what it has read, and exit 0.
enum FollowSignals {
    /// Installs the handlers once and returns the descriptor that becomes readable when a signal arrives.
    static func install() throws(LedgerError) -> Int32 {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw LedgerError(.io, "cannot create the signal pipe", cause: SystemCallError("pipe", errno: errno))
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWriteEnd = ends[1]
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        #endif
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        unblock()
        return ends[0]
    }

    /// Unblocks SIGTERM and SIGINT in this thread (and the threads it starts afterwards): a parent may have
    /// started us with them blocked (Foundation's Process passes on the spawning thread's mask), and SIGTERM
    /// would then wait forever.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

import Foundation

/// Threads of their own for the servers under test and their clients' continuations.
///
/// The full `swift test` runs hundreds of synchronous tests (the CLI suites wait for processes) on the concurrency
/// pool, which has one thread per core: a server whose tasks ran there could wait minutes for a turn. A task that
/// prefers this executor (`Task(executorPreference:)`, `withTaskExecutorPreference`), and every child task it
/// starts — the server's connections and requests among them — runs on these threads instead.
final class TestExecutor: TaskExecutor, @unchecked Sendable {
    /// The one executor of the test target; its threads live as long as the test process.
    static let shared = TestExecutor(threads: 4)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(threads: Int) {
        for number in 0..<threads {
            let thread = Thread { [self] in run() }
            thread.name = "server-test-\(number)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

import Dispatch
import Synchronization

/// Two pieces of work done at once, each on its own core when there are two: a snapshot's independent sections
/// are read this way, which is most of what a resume costs.
enum Concurrently {
    /// The results of `first` and `second`, run at the same time; returns when both are done.
    static func run<First: Sendable, Second: Sendable>(
        _ first: @Sendable () throws -> First,
        _ second: @Sendable () throws -> Second
    ) -> (Result<First, any Error>, Result<Second, any Error>) {
        let firstResult = Mutex<Result<First, any Error>?>(nil)
        let secondResult = Mutex<Result<Second, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let result = Result { try first() }
                firstResult.withLock { $0 = result }
            } else {
                let result = Result { try second() }
                secondResult.withLock { $0 = result }
            }
        }
        return (firstResult.withLock { $0! }, secondResult.withLock { $0! })
    }
}

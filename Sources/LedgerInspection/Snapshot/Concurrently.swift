import Dispatch
import Synchronization

/// Three pieces of work done at once, on as many cores as there are: a snapshot's two sections and its hash are
/// read this way, which is most of what a resume costs. (One call for all three: an apply nested inside another
/// gets no more threads than the outer one left, so on two cores it would run its work one piece after another.)
enum Concurrently {
    /// The results of `first`, `second` and `third`, run at the same time; returns when all are done.
    static func run<First: Sendable, Second: Sendable, Third: Sendable>(
        _ first: @Sendable () throws -> First,
        _ second: @Sendable () throws -> Second,
        _ third: @Sendable () throws -> Third
    ) -> (Result<First, any Error>, Result<Second, any Error>, Result<Third, any Error>) {
        let firstResult = Mutex<Result<First, any Error>?>(nil)
        let secondResult = Mutex<Result<Second, any Error>?>(nil)
        let thirdResult = Mutex<Result<Third, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            switch index {
            case 0:
                let result = Result { try first() }
                firstResult.withLock { $0 = result }
            case 1:
                let result = Result { try second() }
                secondResult.withLock { $0 = result }
            default:
                let result = Result { try third() }
                thirdResult.withLock { $0 = result }
            }
        }
        return (firstResult.withLock { $0! }, secondResult.withLock { $0! }, thirdResult.withLock { $0! })
    }
}

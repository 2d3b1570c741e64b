import Dispatch
import LedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A decoder whose units map to outcomes independently of each other (every format but the roster), so that a
/// large chunk can be mapped on all cores. Outcomes keep input order; the results are the same as mapping one unit
/// after the other.
protocol UnitMapping: SendableMetatype {
    /// What one unit becomes; an error refuses it. Must not change shared state.
    func outcome(of unit: FramedUnit) throws(ImportError) -> ImportOutcome
    /// A copy that can map units on another thread at the same time as this one (its own hasher).
    func forAnotherThread() -> Self
    /// At most this many threads map one chunk.
    var threads: Int { get }
    /// Adds what one framed unit, or the framer's error for it, becomes to `packed`; by default its ``outcome(_:)``.
    /// `sha` is this thread's hasher.
    func pack(_ framed: Result<FramedUnit, ImportError>, into packed: inout PackedOutcomes, sha: SHA256)
}

/// How many threads map a chunk's units.
public enum UnitMappingPool {
    /// The machine's online processors.
    public static let threads = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    /// Below this many units per thread, one thread maps them all: a short chunk (a live stream's few lines) is
    /// not worth the hand-off.
    static let minimumUnitsPerThread = 64
}

extension UnitMapping {
    /// What one framed unit, or the framer's error for it, becomes.
    func outcome(_ framed: Result<FramedUnit, ImportError>) -> ImportOutcome {
        switch framed {
        case .failure(let error):
            return .rejected(error)
        case .success(let unit):
            do throws(ImportError) {
                return try outcome(of: unit)
            } catch {
                return .rejected(error)
            }
        }
    }

    func pack(_ framed: Result<FramedUnit, ImportError>, into packed: inout PackedOutcomes, sha: SHA256) {
        packed.add(outcome(framed), sha: sha)
    }

    /// What `units` became, each outcome passed through `reduce` on the thread that made it, in order.
    func outcomes<Reduced: Sendable>(
        _ units: [Result<FramedUnit, ImportError>],
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        let slices = mapSlices(units) { mapper, slice in slice.map { reduce(mapper.outcome($0)) } }
        guard slices.count > 1 else { return slices.first ?? [] }
        var all: [Reduced] = []
        all.reserveCapacity(units.count)
        for slice in slices { all.append(contentsOf: slice) }
        return all
    }

    /// What `units` became, packed on the threads that mapped them: one ``PackedOutcomes`` per thread, in order.
    func packedOutcomes(_ units: [Result<FramedUnit, ImportError>]) -> [PackedOutcomes] {
        mapSlices(units) { mapper, slice in
            var packed = PackedOutcomes()
            let sha = SHA256()
            for unit in slice { mapper.pack(unit, into: &packed, sha: sha) }
            return packed
        }
    }

    /// `map` applied to consecutive slices of `units`, one per thread (one slice, on this thread, for a short
    /// chunk), each with its own mapper; the results in order.
    func mapSlices<Unit, Mapped: Sendable>(
        _ units: [Unit],
        _ map: @Sendable (Self, ArraySlice<Unit>) -> Mapped
    ) -> [Mapped] {
        let threads = min(self.threads, units.count / UnitMappingPool.minimumUnitsPerThread)
        guard threads > 1 else { return [map(self, units[...])] }
        let mappers = ThreadPrivate([self] + (1..<threads).map { _ in forAnotherThread() })
        let results = ThreadPrivate(UnsafeMutableBufferPointer<Mapped?>.allocate(capacity: threads))
        results.value.initialize(repeating: nil)
        defer {
            results.value.deinitialize()
            results.value.deallocate()
        }
        let shared = ThreadPrivate(units)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let units = shared.value
            let start = units.count * thread / threads
            let end = units.count * (thread + 1) / threads
            results.value[thread] = map(mappers.value[thread], units[start..<end])
        }
        return results.value.map { $0! }
    }
}

/// Hands values that are not `Sendable` to the threads of one ``UnitMapping/mapSlices(_:_:)`` call, which is safe
/// there because each thread uses only its own mapper and writes only its own slot, and what they share (the units,
/// the chunk they lie in) is only read.
struct ThreadPrivate<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage
import Logging
import NIOPosix
import Synchronization

/// The inspection model behind the web view's pages (``LedgerInspection/Inspection``), kept up to date as commits
/// land: resumed from `views/inspection.snapshot` at start, caught up after commits, saved now and then and at the
/// end.
///
/// A page never waits for it: it takes the ``view`` published by the last catch-up (`nil` until the first model is
/// ready: the pages then say so, with `Retry-After`). Catch-ups run on a thread of their own, one at a time, and at
/// most one per ``ServerSettings/inspectionInterval``: commits only ``wake()`` it, so a burst of commits costs one
/// catch-up, and ingest never waits for the web view.
final class InspectionFeed: Sendable {
    /// How far the model is: still being prepared, or ready.
    enum Phase: Sendable {
        case preparing
        case ready(Inspection)
        /// The model could not be made: the ledger's records could not be read (the pages say why).
        case failed(String)
    }

    private let layout: LedgerLayout
    private let metadata: LedgerMetadata
    private let committedSize: @Sendable () -> UInt64
    private let interval: Duration
    private let saveEvery: UInt64
    private let logger: Logger
    private let phase = Mutex(Phase.preparing)
    /// The size of the saved snapshot (or the size the model was resumed at), to tell when to save again.
    private let savedSize = Mutex<UInt64>(0)
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation
    private let thread = NIOThreadPool(numberOfThreads: 1)
    /// Set by ``finish()``, which also ends the pause between two catch-ups at once.
    private let finished = Atomic(false)
    private let pause = Mutex<Task<Void, Never>?>(nil)

    /// - Parameters:
    ///   - committedSize: the ledger's size as the server last committed it; the model catches up to it.
    ///   - interval: the least time between two catch-ups.
    ///   - saveEvery: saves the snapshot after a catch-up once this many records were applied since the last save.
    init(
        layout: LedgerLayout,
        metadata: LedgerMetadata,
        committedSize: @escaping @Sendable () -> UInt64,
        interval: Duration,
        saveEvery: UInt64,
        logger: Logger
    ) {
        self.layout = layout
        self.metadata = metadata
        self.committedSize = committedSize
        self.interval = interval
        self.saveEvery = saveEvery
        self.logger = logger
        (wakeups, wakeup) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// The model's view as of its last catch-up; `nil` while it is prepared or when it failed (see ``phase``).
    var view: InspectionView? {
        if case .ready(let inspection) = phase.withLock({ $0 }) { return inspection.view }
        return nil
    }

    /// Why there is no ``view``: `nil` while preparing, the reason when the model could not be made.
    var failure: String? {
        if case .failed(let reason) = phase.withLock({ $0 }) { return reason }
        return nil
    }

    /// Asks for a catch-up to the committed size; never waits.
    func wake() { wakeup.yield() }

    /// Ends ``run()`` after the catch-up in progress.
    func finish() {
        finished.store(true, ordering: .sequentiallyConsistent)
        wakeup.finish()
        pause.withLock { $0?.cancel() }
    }

    /// Resumes the model, then catches it up after each ``wake()`` until ``finish()``; then saves it if it moved
    /// since the last save. Failures are logged and shown on the pages; they never stop the server.
    func run() async {
        thread.start()
        await offload { self.resume() }
        for await _ in wakeups {
            let started = ContinuousClock.now
            await offload { self.catchUp() }
            let pausing = Task { _ = try? await Task.sleep(until: started + interval) }
            pause.withLock { $0 = pausing }
            if finished.load(ordering: .sequentiallyConsistent) { pausing.cancel() }
            await pausing.value
        }
        await offload { self.save(force: true) }
        try? await thread.shutdownGracefully()
    }

    /// A reader of the ledger's files (without the writer lock).
    private var reader: LedgerReader { LedgerReader(layout: layout, metadata: metadata) }

    private func offload(_ body: @escaping @Sendable () -> Void) async {
        try? await thread.runIfActive(body)
    }

    private func resume() {
        let size = committedSize()
        let ignoredSnapshot = Atomic(false)
        do {
            let inspection = try Inspection.resume(
                reader: reader,
                size: size,
                configuration: .default,
                warn: { message in
                    ignoredSnapshot.store(true, ordering: .relaxed)
                    logger.warning("\(message)")
                }
            )
            phase.withLock { $0 = .ready(inspection) }
            if Directory.exists(Inspection.snapshotPath(layout)), !ignoredSnapshot.load(ordering: .relaxed) {
                savedSize.withLock { $0 = size }
            }
            save(force: false)
        } catch {
            logger.error("the web view has no inspection model: \(error)")
            phase.withLock { $0 = .failed("\(error)") }
        }
    }

    private func catchUp() {
        guard case .ready(let inspection) = phase.withLock({ $0 }) else { return }
        do {
            try inspection.catchUp(reader: reader, size: committedSize())
        } catch {
            logger.error("the inspection model stopped at record \(inspection.view.size): \(error)")
            return
        }
        save(force: false)
    }

    /// Saves the snapshot when ``saveEvery`` records (any, with `force`) were applied since the last save.
    private func save(force: Bool) {
        guard case .ready(let inspection) = phase.withLock({ $0 }) else { return }
        let size = inspection.view.size
        let saved = savedSize.withLock { $0 }
        guard size > saved, force || size - saved >= saveEvery else { return }
        do {
            let stored = try inspection.save(reader: reader)
            savedSize.withLock { $0 = stored }
        } catch {
            logger.warning("cannot save the inspection snapshot (the next start rebuilds the model): \(error)")
        }
    }
}

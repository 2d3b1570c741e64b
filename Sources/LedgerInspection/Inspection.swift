public import GroupDomain
public import LedgerCore
import LedgerReplay
public import LedgerStorage
import Synchronization

/// The live inspection model behind the inspector's pages: the projected state, the findings and the indexes the
/// pages need (per group, per person, per rule, full text), kept up to date as commits land.
///
/// One updater calls ``catchUp(reader:size:)`` after each commit (or now and then); any number of readers take
/// ``view`` — an immutable ``InspectionView`` — and ask it their questions. Readers never wait for a catch-up: it
/// works on its own copy and publishes the new view when done.
///
/// ```swift
/// let inspection = Inspection(configuration: .default)
/// try inspection.catchUp(reader: reader, size: checkpointSize)
/// let page = inspection.view.timeline(group: "g-7301128844556677001", page: PageRequest(number: 2))
/// ```
public final class Inspection: Sendable {
    let builder: Mutex<InspectionBuilder>
    private let published: Mutex<InspectionView>
    /// The caller's name for the rule configuration, kept in a saved snapshot: a snapshot made under another
    /// configuration is not resumed.
    public let configurationName: String

    /// An empty model that judges findings under `configuration`, which the caller calls `configurationName`
    /// (say, the SHA-256 of its file).
    public convenience init(configuration: RuleConfiguration, configurationName: String = "default") {
        self.init(InspectionBuilder(configuration: configuration), configurationName: configurationName)
    }

    /// A model continuing from `builder`.
    init(_ builder: InspectionBuilder, configurationName: String) {
        published = Mutex(builder.view())
        self.builder = Mutex(builder)
        self.configurationName = configurationName
    }

    /// The model as of the latest catch-up.
    public var view: InspectionView { published.withLock { $0 } }

    /// Applies the records from the last applied size up to `size` (reading only those) and publishes the new
    /// view; returns how many records it applied. A `size` at or below the applied size changes nothing.
    ///
    /// A withholding of a record the model read with its content makes it start again from record 0 (the content
    /// is gone from the ledger by then), and removes the saved snapshot, so that no copy of the destroyed text
    /// outlives it in memory or on disk: rare, and as long as a first build.
    ///
    /// - Throws: what reading the ledger throws (a damaged record); the records before it stay applied, and the
    ///   view is published up to them.
    @discardableResult
    public func catchUp(reader: LedgerReader, size: UInt64) throws(LedgerError) -> UInt64 {
        try builder.withLock { (builder) throws(LedgerError) -> UInt64 in
            let start = builder.size
            guard size > start else { return 0 }
            defer {
                let view = builder.view()
                published.withLock { $0 = view }
            }
            try RecordSource.read(reader, from: start, size: size, cutoff: .everything) { builder.apply($0) }
            if builder.holdsWithheldContent {
                Directory.removeFile(InspectionSnapshot.path(reader.layout))
                builder = InspectionBuilder(configuration: builder.checker.configuration)
                try RecordSource.read(reader, size: size, cutoff: .everything) { builder.apply($0) }
            }
            return size - start
        }
    }
}

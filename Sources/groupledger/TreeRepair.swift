import LedgerCore
import LedgerStorage

/// Lets `prove` and `publish` get past damaged tree files, which are derived data: when building fails with
/// `.corrupt`, the ledger is opened for writing with every tree node rechecked (the files are rebuilt from the
/// segments if one is wrong) and, if that rebuilt them, the work is done again. Any other damage, or a writer
/// that cannot be opened (another holds the lock, no write permission), leaves the first error as it was.
enum TreeRepair {
    static func retrying<T>(
        ledger path: String,
        options: LedgerOptions = LedgerOptions(),
        _ body: () throws(LedgerError) -> T
    ) throws(LedgerError) -> T {
        do {
            return try body()
        } catch  where error.code == .corrupt {
            TreeStore.distrust(LedgerLayout(root: path))
            guard let writer = try? Ledger.open(at: path, options: options) else { throw error }
            let rebuilt = writer.recovery.rebuiltTree
            for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
            writer.close()
            guard rebuilt else { throw error }
            Console.error("groupledger: the tree files were damaged (\(error.message)); rebuilt them from the segments")
            return try body()
        }
    }
}

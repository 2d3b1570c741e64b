public import LedgerCore
import SystemPackage

/// The segments of a ledger, by first sequence number, from the names in `segments/`.
public enum SegmentList {
    /// Lists `segments/`, in order. A file whose name is not a segment name is reported as `.corrupt`: nothing
    /// else belongs there, and a renamed or foreign file must not be ignored silently.
    public static func read(_ layout: LedgerLayout) throws(LedgerError) -> [UInt64] {
        var firsts: [UInt64] = []
        for name in try Directory.list(layout.segmentsDirectory, name: "segments") {
            guard let first = LedgerLayout.firstSeq(ofSegmentNamed: name) else {
                throw LedgerError(
                    .corrupt,
                    "segments/\(name) is not a segment name (20 digits and .seg); "
                        + "move it out of the ledger"
                )
            }
            firsts.append(first)
        }
        firsts.sort()
        guard firsts.first == 0 else {
            throw LedgerError(
                .corrupt,
                firsts.isEmpty
                    ? "segments/ is empty: the ledger has no records"
                    : "segments/\(LedgerLayout.stem(0)).seg, the first segment, is missing"
            )
        }
        return firsts
    }

    /// The position of the segment that holds `seq`.
    public static func position(of seq: UInt64, in firsts: [UInt64]) -> Int {
        var low = 0
        var high = firsts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if firsts[mid] <= seq { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

import LedgerCore

/// Decodes a roster of people and roles exported from a spreadsheet as CSV (UTF-8, with or without a byte order
/// mark, RFC 4180 quoting): a header row naming the columns full name, position, unit, account, group and role (in
/// English or Vietnamese, any order, extra columns ignored), then one row per person and group.
///
/// Each row gives `person.registered` (once per person), `account.bound` (once per person and account), and the
/// role's event: `head.assigned`, `deputy.assigned`, or `admin.assigned` (assigned by the group's head in the
/// same roster, or by the optional `assigned_by` column); a plain member gives no role event. The rows are held
/// until the end, because an admin's row may come before the head's.
///
/// Why not a CSV package: `yaslab/CSV.swift` 2.5.2 reports errors without row or byte (`CSVError.cannotReadHeaderRow`,
/// `.unicodeDecoding`), grows a field without bound on hostile input, and reads through Foundation streams;
/// `SwiftCSV` 0.10.0 loads the whole file into one `String`. ``CSVRecordReader`` is about 200 lines, reads bytes
/// incrementally within limits, names the row, byte and column of every error, and is tested exhaustively, which
/// also spares every clean build on two cores a package to fetch and compile.
public struct RosterCSVDecoder: SourceDecoder {
    let source: ImportSource
    let options: RosterOptions
    let limits: ImportLimits
    let sha = SHA256()
    private var reader: CSVRecordReader
    private var header: [RosterColumn: Int]?
    private var headerFailed = false
    private var rows: [CSVRecord] = []

    public init(source: ImportSource, options: RosterOptions, limits: ImportLimits = ImportLimits()) {
        self.source = source
        self.options = options
        self.limits = limits
        reader = CSVRecordReader(name: source.name, maxRecordBytes: limits.maxUnitBytes)
    }

    public mutating func consume(_ chunk: UnsafeRawBufferPointer) -> [ImportOutcome] {
        take(reader.feed(chunk))
    }

    public mutating func finish() -> [ImportOutcome] {
        var outcomes = take(reader.finish())
        if header == nil && !headerFailed {
            let location = SourceLocation(name: source.name, unit: .row, number: 1, byteOffset: 0)
            outcomes.append(.rejected(ImportError(location, "the roster is empty: it has no header row")))
        }
        outcomes += RosterRows(decoder: self).outcomes(rows)
        rows = []
        return outcomes
    }

    private mutating func take(_ records: [Result<CSVRecord, ImportError>]) -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        for record in records {
            switch record {
            case .failure(let error):
                outcomes.append(.rejected(error))
            case .success(let record) where header == nil && !headerFailed:
                do throws(ImportError) {
                    header = try RosterCSVDecoder.readHeader(record)
                } catch {
                    headerFailed = true
                    outcomes.append(.rejected(error))
                }
            case .success(let record) where headerFailed:
                outcomes.append(.rejected(ImportError(record.location, "the roster's header row was refused")))
            case .success(let record):
                if rows.count < limits.maxRosterRows {
                    rows.append(record)
                } else {
                    outcomes.append(.rejected(ImportError(record.location, "more than \(limits.maxRosterRows) rows")))
                }
            }
        }
        return outcomes
    }

    func column(_ column: RosterColumn, of record: CSVRecord) -> String? {
        guard let index = header?[column], index < record.fields.count else { return nil }
        return RosterColumn.trimmed(record.fields[index])
    }

    static func readHeader(_ record: CSVRecord) throws(ImportError) -> [RosterColumn: Int] {
        var columns: [RosterColumn: Int] = [:]
        for (index, cell) in record.fields.enumerated() {
            guard let column = RosterColumn.spellings[RosterColumn.normalized(cell)] else { continue }
            if let first = columns[column] {
                throw ImportError(
                    record.location,
                    field: "column \(index + 1)",
                    "\"\(cell)\" names the \(column.rawValue) column again (first: column \(first + 1))"
                )
            }
            columns[column] = index
        }
        let missing = RosterColumn.required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError(
                record.location,
                "the header row lacks the column(s) " + missing.map(\.rawValue).joined(separator: ", ")
                    + " (English or Vietnamese headers: Họ và tên, Chức vụ, Đơn vị, Tài khoản, Nhóm, Vai trò)"
            )
        }
        return columns
    }
}

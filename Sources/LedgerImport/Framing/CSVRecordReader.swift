/// One CSV record: its location (row number from 1, the header included) and its fields, each valid UTF-8.
struct CSVRecord {
    var location: SourceLocation
    var fields: [String]
}

/// An incremental RFC 4180 reader over bytes, with bounds and errors that name the row, the byte and the column.
///
/// What it accepts: fields separated by `,`; records ended by CRLF or a bare LF; fields in double quotes, which may
/// hold `,`, line breaks and `""` for one quote; a UTF-8 byte order mark at the very start (spreadsheets write
/// one), which is skipped; a last record without a line break. Empty lines are skipped but still counted, so that
/// row numbers are the spreadsheet's.
///
/// What it refuses, each with the row and the byte: a quote inside an unquoted field, anything but `,` or a line
/// break after a closing quote, a quoted field still open at the end, ill-formed UTF-8, control characters other
/// than tab (and line breaks inside quotes), a record longer than the byte limit (skipped without being held) or
/// with more than ``maxFields`` fields. After an error the reader resumes after the next line break.
///
/// RFC 4180: <https://www.rfc-editor.org/rfc/rfc4180>.
struct CSVRecordReader {
    private enum State {
        /// At the start of a field.
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: `"` (an escaped quote), `,`, or a line break must follow.
        case quoteInQuoted
        /// After an error, skipping to the next line break (quotes are not tracked there).
        case skipping
    }

    let name: String
    let maxRecordBytes: Int
    let maxFields = 256
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var recordBytes = 0
    private var row = 1
    private var rowStart = 0
    private var position = 0
    private var pendingCR = false
    private var sawBOMCheck = false
    private var bomMatched = 0

    init(name: String, maxRecordBytes: Int) {
        self.name = name
        self.maxRecordBytes = maxRecordBytes
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Result<CSVRecord, ImportError>] {
        var out: [Result<CSVRecord, ImportError>] = []
        for byte in chunk {
            if !sawBOMCheck {
                let bom: [UInt8] = [0xef, 0xbb, 0xbf]
                if byte == bom[bomMatched] {
                    bomMatched += 1
                    position += 1
                    if bomMatched == 3 {
                        sawBOMCheck = true
                        rowStart = position
                    }
                    continue
                }
                sawBOMCheck = true
                if bomMatched > 0 {
                    fail("ill-formed UTF-8 at the start of the file", at: 0, into: &out)
                }
            }
            step(byte, into: &out)
            position += 1
        }
        return out
    }

    mutating func finish() -> [Result<CSVRecord, ImportError>] {
        var out: [Result<CSVRecord, ImportError>] = []
        switch state {
        case .quoted:
            fail("a quoted field is still open at the end of the file", at: position, into: &out)
        case .skipping:
            break
        case .fieldStart where fields.isEmpty && recordBytes == 0:
            break
        default:
            endRecord(into: &out)
        }
        return out
    }

    private mutating func step(_ byte: UInt8, into out: inout [Result<CSVRecord, ImportError>]) {
        if pendingCR {
            pendingCR = false
            if byte == 0x0a {
                rowStart = position + 1
                return
            }
        }
        recordBytes += 1
        if recordBytes > maxRecordBytes && !isSkipping {
            fail("the record is longer than \(maxRecordBytes) bytes", at: rowStart, into: &out)
        }
        switch state {
        case .skipping:
            if byte == 0x0a || byte == 0x0d {
                pendingCR = byte == 0x0d
                resync()
            }
        case .fieldStart:
            switch byte {
            case UInt8(ascii: "\""): state = .quoted
            case UInt8(ascii: ","): endField(into: &out)
            case 0x0a, 0x0d: lineBreak(byte, into: &out)
            default:
                state = .unquoted
                append(byte, into: &out)
            }
        case .unquoted:
            switch byte {
            case UInt8(ascii: "\""):
                fail("a quote inside an unquoted field (quote the whole field and double the quote)", into: &out)
            case UInt8(ascii: ","): endField(into: &out)
            case 0x0a, 0x0d: lineBreak(byte, into: &out)
            default: append(byte, into: &out)
            }
        case .quoted:
            if byte == UInt8(ascii: "\"") {
                state = .quoteInQuoted
            } else if byte == 0x0a || byte == 0x0d {
                field.append(byte)
            } else {
                append(byte, into: &out)
            }
        case .quoteInQuoted:
            switch byte {
            case UInt8(ascii: "\""):
                field.append(byte)
                state = .quoted
            case UInt8(ascii: ","): endField(into: &out)
            case 0x0a, 0x0d: lineBreak(byte, into: &out)
            default:
                fail("a character after a closing quote; expected , or a line break", into: &out)
            }
        }
    }

    private mutating func append(_ byte: UInt8, into out: inout [Result<CSVRecord, ImportError>]) {
        if byte < 0x20 && byte != 0x09 || byte == 0x7f {
            fail("control character 0x\(String(byte, radix: 16)) in a field", into: &out)
            return
        }
        field.append(byte)
    }

    private mutating func lineBreak(_ byte: UInt8, into out: inout [Result<CSVRecord, ImportError>]) {
        pendingCR = byte == 0x0d
        endRecord(into: &out)
    }

    private mutating func endField(into out: inout [Result<CSVRecord, ImportError>]) {
        guard fields.count < maxFields else {
            fail("more than \(maxFields) fields in one record", into: &out)
            return
        }
        guard let text = String(validating: field, as: UTF8.self) else {
            fail("ill-formed UTF-8 in field \(fields.count + 1); save the file as UTF-8", into: &out)
            return
        }
        fields.append(text)
        field = []
        state = .fieldStart
    }

    private mutating func endRecord(into out: inout [Result<CSVRecord, ImportError>]) {
        endField(into: &out)
        if isSkipping {
            resync()
            return
        }
        let location = SourceLocation(name: name, unit: .row, number: row, byteOffset: rowStart)
        if !(fields.count == 1 && fields[0].isEmpty) {
            out.append(.success(CSVRecord(location: location, fields: fields)))
        }
        fields = []
        row += 1
        rowStart = position + 1
        recordBytes = 0
        state = .fieldStart
    }

    /// Reports an error for the current record and skips to the next line break.
    private mutating func fail(
        _ reason: String,
        at offset: Int? = nil,
        into out: inout [Result<CSVRecord, ImportError>]
    ) {
        let location = SourceLocation(name: name, unit: .row, number: row, byteOffset: rowStart)
        out.append(.failure(ImportError(location, byteOffset: offset ?? position, reason)))
        state = .skipping
        field = []
        fields = []
    }

    private var isSkipping: Bool {
        if case .skipping = state { true } else { false }
    }

    /// After skipping a bad record: start the next one.
    private mutating func resync() {
        row += 1
        rowStart = position + 1
        recordBytes = 0
        field = []
        fields = []
        state = .fieldStart
    }
}

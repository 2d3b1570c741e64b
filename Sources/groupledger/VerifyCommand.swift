import ArgumentParser
import LedgerCore
import LedgerStorage

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record, link, segment and content commitment; exit 1 naming the first problem.",
        discussion: """
            Without an outside anchor the verdict is only as good as the files: whoever holds them and the signing \
            key could rewrite the whole ledger consistently. Give checkpoints saved earlier (--checkpoint) or \
            witnesses (--witness, --quorum) to anchor it; the report says which records are anchored.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(help: "A signed checkpoint saved earlier; the ledger must extend it (repeatable).")
    var checkpoint: [String] = []

    @Option(help: "The log's verifier key, as published (repeatable; default: the keys recorded in the ledger).")
    var vkey: [String] = []

    @Option(help: "A file holding the log's verifier key, as --checkpoint holds a checkpoint (repeatable).")
    var vkeyFile: [String] = []

    @Option(help: "A witness verifier key (repeatable); a checkpoint must carry --quorum of their cosignatures.")
    var witness: [String] = []

    @Option(help: "How many of the --witness keys must have cosigned one checkpoint (default: all of them).")
    var quorum: Int?

    @Option(help: "The language of the text verdict: en or vi (the JSON is the same in both).")
    var lang: AuditCommand.Language = .en

    @Flag(help: "Print the verdict as one JSON object.")
    var json = false

    @Flag(help: "Also check that every record holds a valid event envelope in RFC 8785 canonical form (slower).")
    var envelopes = false

    func validate() throws {
        if let quorum, quorum < 1 || quorum > ((try? NoteVerifierKey.distinct(witness))?.count ?? witness.count) {
            throw ValidationError("--quorum must be between 1 and the number of distinct --witness keys")
        }
    }

    func run() throws {
        let report = try Failure.reporting {
            var anchors = VerificationAnchors()
            for path in checkpoint { anchors.checkpoints.append((path, try Directory.readFile(path))) }
            // A key given twice is one key; two different keys with one name and key ID are refused here.
            anchors.logKeys = try ProofCommand.distinctKeys(
                vkey + (try vkeyFile.map(VerifierKeyFile.read)),
                what: "--vkey"
            )
            anchors.witnessKeys = try ProofCommand.distinctKeys(witness, what: "--witness")
            anchors.quorum = quorum ?? max(1, anchors.witnessKeys.count)
            let progress: ((UInt64) -> Void)? =
                Console.stderrIsTerminal ? { Console.error("verified \($0) records…") } : nil
            var verifier = Verifier(root: ledger.path)
            verifier.checksEnvelopes = envelopes
            return try verifier.run(anchors: anchors, progress: progress)
        }
        if json {
            Console.printJSON(VerdictJSON.encode(report))
        } else {
            printText(report)
        }
        if !report.isIntact { throw ExitCode(1) }
    }

    private func printText(_ report: VerificationReport) {
        let vi = lang == .vi
        func pick(_ vietnamese: String, _ english: String) -> String { vi ? vietnamese : english }
        if let problem = report.problem {
            print(pick("HƯ HỎNG", "DAMAGED") + ": \(ledger.path)")
            print("  \(problem.message)")
            var location: [String] = []
            if let file = problem.file { location.append(pick("tệp", "file") + " \(file)") }
            if let offset = problem.byteOffset { location.append(pick("byte", "byte") + " \(offset)") }
            if let seq = problem.seq { location.append(pick("bản ghi", "record") + " \(seq)") }
            if !location.isEmpty { print("  " + pick("tại", "at") + " " + location.joined(separator: ", ")) }
            if let expected = problem.expected, let found = problem.found {
                print("  " + pick("cần \(expected), thấy \(found)", "expected \(expected), found \(found)"))
            }
            print(
                "  "
                    + pick(
                        "đã kiểm tra \(report.records) bản ghi trước khi dừng; không sửa gì",
                        "checked \(report.records) records before stopping; nothing was repaired"
                    )
            )
        } else {
            print(pick("NGUYÊN VẸN", "INTACT") + ": \(ledger.path)")
            let root = report.root?.hex ?? "-"
            print(
                "  "
                    + pick(
                        "\(report.records) bản ghi trong \(report.segments) đoạn; gốc \(root) ở kích thước \(report.headSize)",
                        "\(report.records) records in \(report.segments) segment(s); root \(root) at size \(report.headSize)"
                    )
            )
            print(
                "  "
                    + pick(
                        "đã mở và kiểm tra \(report.contentChecked) cam kết nội dung; \(report.withheld) đã rút nội dung",
                        "\(report.contentChecked) content commitments opened and checked; \(report.withheld) withheld"
                    )
            )
            print(
                "  "
                    + pick(
                        "checkpoint đã ký của đầu sổ khớp với đầu sổ; chữ ký checkpoint kiểm tra bằng ",
                        "the head's signed checkpoint matches the head; checkpoint signatures checked with "
                    ) + report.logKeySource
            )
            if report.pastHead > 0, let adopted = report.adoptedRoot {
                let range = "\(report.headSize)..<\(report.adoptedSize)"
                print(
                    "  "
                        + pick(
                            "SAU ĐẦU SỔ: \(report.pastHead) bản ghi (\(range)) mà bên ghi sẽ nhận khi mở lần tới; gốc "
                                + "\(adopted.hex) ở kích thước \(report.adoptedSize)",
                            "PAST THE HEAD: \(report.pastHead) records (\(range)) that the writer adopts when it next "
                                + "opens; root \(adopted.hex) at size \(report.adoptedSize)"
                        )
                )
            }
            if let anchored = report.anchoredSize {
                print(
                    "  " + pick("ĐÃ NEO đến kích thước \(anchored) bởi ", "ANCHORED up to size \(anchored) by ")
                        + report.anchors.joined(separator: "; ")
                )
                if report.adoptedSize > anchored {
                    print(
                        "  "
                            + pick(
                                "các bản ghi \(anchored)..<\(report.adoptedSize) nằm sau mốc neo cuối: ai giữ khóa ký "
                                    + "vẫn có thể viết lại chúng mà không bị phát hiện",
                                "records \(anchored)..<\(report.adoptedSize) come after the last anchor: whoever holds "
                                    + "the signing key could still rewrite them undetected"
                            )
                    )
                }
            } else {
                print(
                    "  "
                        + pick(
                            "CHƯA NEO: không kiểm tra checkpoint hay nhân chứng bên ngoài nào, nên ai giữ các tệp này "
                                + "và khóa ký đều có thể đã viết lại chúng một cách nhất quán",
                            "UNANCHORED: no outside checkpoint or witness was checked, so whoever holds these files "
                                + "and the signing key could have rewritten them consistently"
                        )
                )
            }
        }
        for note in report.notes { print("  " + pick("ghi chú", "note") + ": \(note)") }
    }
}

enum VerdictJSON {
    static func encode(_ report: VerificationReport) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("intact", .bool(report.isIntact)), ("records", .number(JSONNumber(report.records))),
            ("segments", .number(JSONNumber(report.segments))), ("head_size", .number(JSONNumber(report.headSize))),
            ("content_checked", .number(JSONNumber(report.contentChecked))),
            ("withheld", .number(JSONNumber(report.withheld))), ("anchored", .bool(report.anchoredSize != nil)),
            ("anchors", .array(report.anchors.map { .string($0) })),
            ("notes", .array(report.notes.map { .string($0) })),
        ]
        members.append(("past_head", .number(JSONNumber(report.pastHead))))
        members.append(("adopted_size", .number(JSONNumber(report.adoptedSize))))
        members.append(("torn_records", .number(JSONNumber(report.tornRecords))))
        if let root = report.root { members.append(("root", .string(root.hex))) }
        if let root = report.adoptedRoot { members.append(("adopted_root", .string(root.hex))) }
        if let size = report.anchoredSize { members.append(("anchored_size", .number(JSONNumber(size)))) }
        if let problem = report.problem {
            var fields: [(key: String, value: JSONValue)] = [
                ("kind", .string(problem.kind.rawValue)), ("message", .string(problem.message)),
            ]
            if let file = problem.file { fields.append(("file", .string(file))) }
            if let offset = problem.byteOffset { fields.append(("byte_offset", .number(JSONNumber(offset)))) }
            if let seq = problem.seq { fields.append(("seq", .number(JSONNumber(seq)))) }
            if let expected = problem.expected { fields.append(("expected", .string(expected))) }
            if let found = problem.found { fields.append(("found", .string(found))) }
            members.append(("problem", .object(JSONObject(members: fields))))
        }
        return .object(JSONObject(members: members))
    }
}

/// Reads `--vkey-file`: the key text, without the trailing line break.
enum VerifierKeyFile {
    static func read(_ path: String) throws(LedgerError) -> String {
        var bytes = try Directory.readFile(path, limit: 4096)
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import ArgumentParser
import LedgerCore
import LedgerStorage

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write or update a C2SP tlog-tiles tree of the ledger in OUTDIR, for a static web server.",
        discussion: """
            OUTDIR receives `checkpoint` (the ledger's latest signed checkpoint), the hash tiles \
            `tile/<L>/<N>[.p/<W>]` and the entry bundles `tile/entries/<N>[.p/<W>]` (c2sp.org/tlog-tiles); serve \
            it as the log's URL prefix, with `checkpoint` cacheable for a few seconds and the tiles for long. \
            Publishing again writes only what changed since the checkpoint already in OUTDIR, and refuses a \
            checkpoint that is older than it or not consistent with it. The checkpoint is written last, so a \
            reader never sees one whose tiles are missing. Partial tiles of earlier checkpoints are kept until \
            the full tile replaces them.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Argument(help: "The directory to publish to; created if missing (its parent must exist).")
    var outdir: String

    @Flag(help: "Print what was written as one JSON object.")
    var json = false

    func run() throws {
        let publication = try Failure.reporting {
            let reader = try LedgerReader(root: ledger.path)
            return try TreeRepair.retrying(ledger: ledger.path) { () throws(LedgerError) in
                try TilePublisher(reader: reader).publish(to: outdir, checkpointNote: try reader.checkpoint())
            }
        }
        for warning in publication.warnings { Console.error("groupledger: warning: \(warning)") }
        if json {
            Console.printJSON(PublicationJSON.encode(publication))
        } else if !publication.checkpointWritten {
            print("\(outdir) already publishes this checkpoint (size \(publication.size)); nothing written")
        } else {
            let since = publication.previousSize.map { " (was \($0))" } ?? " (first publication)"
            print("published size \(publication.size)\(since) to \(outdir)")
            print(
                "  wrote \(publication.hashTilesWritten) hash tile(s), \(publication.entryBundlesWritten) entry "
                    + "bundle(s) and the checkpoint; removed \(publication.partialTilesRemoved) superseded partial "
                    + "tile(s)"
            )
        }
    }
}

enum PublicationJSON {
    static func encode(_ publication: TilePublication) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("size", .number(JSONNumber(publication.size))),
            ("hash_tiles_written", .number(JSONNumber(publication.hashTilesWritten))),
            ("entry_bundles_written", .number(JSONNumber(publication.entryBundlesWritten))),
            ("checkpoint_written", .bool(publication.checkpointWritten)),
            ("partial_tiles_removed", .number(JSONNumber(publication.partialTilesRemoved))),
            ("warnings", .array(publication.warnings.map { .string($0) })),
        ]
        if let previous = publication.previousSize {
            members.append(("previous_size", .number(JSONNumber(previous))))
        }
        return .object(JSONObject(members: members))
    }
}

import ArgumentParser
import LedgerCore
import LedgerServer
import LedgerStorage

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make, list and revoke the bearer tokens of `serve` (docs/HTTP.md).",
        discussion: """
            Tokens live in the ledger directory's `tokens` file (mode 0600), which keeps only each token's SHA-256: \
            `token add` shows a token once. A running server reads the file again when it changes, so `token \
            revoke` takes effect at once.
            """,
        subcommands: [Add.self, List.self, Revoke.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a token and print it, once.")

        @OptionGroup var ledger: LedgerLocation

        @Option(
            help: "importer (sends events) or auditor (reads entry bundles and records).",
            transform: { text in
                guard let role = TokenRole(rawValue: text) else {
                    throw ValidationError("unknown role \(text); use importer or auditor")
                }
                return role
            }
        )
        var role: TokenRole

        @Option(help: "Who holds the token: the access log shows this name.")
        var name: String

        func run() throws {
            try Failure.reporting {
                let token = try TokenFile(ledger: ledger.path).add(
                    name: name,
                    role: role,
                    now: SystemClock.unixMillis()
                )
                print(token)
                Console.error("groupledger: keep this token now: only its SHA-256 is stored, it cannot be shown again")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens: name, role, created, revoked.")

        @OptionGroup var ledger: LedgerLocation

        @Flag(help: "Print one JSON object per token.")
        var json = false

        func run() throws {
            try Failure.reporting {
                for token in try TokenFile(ledger: ledger.path).load() {
                    if json {
                        var members: [(key: String, value: JSONValue)] = [
                            ("name", .string(token.name)), ("role", .string(token.role.rawValue)),
                            ("created", .string(token.created)),
                        ]
                        members.append(("revoked", token.revoked.map { .string($0) } ?? .null))
                        Console.printJSON(.object(JSONObject(members: members)))
                    } else {
                        let revoked = token.revoked.map { "revoked " + $0 } ?? "active"
                        print("\(token.name)\t\(token.role.rawValue)\tcreated \(token.created)\t\(revoked)")
                    }
                }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by name; its requests get 401.")

        @OptionGroup var ledger: LedgerLocation

        @Argument(help: "The token's name.")
        var name: String

        func run() throws {
            try Failure.reporting {
                try TokenFile(ledger: ledger.path).revoke(name: name, now: SystemClock.unixMillis())
                print("revoked \(name)")
            }
        }
    }
}

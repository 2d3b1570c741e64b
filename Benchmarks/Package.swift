// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` and `swift test` of GroupLedger never build them.
// Run: swift run -c release --package-path Benchmarks ledger-bench [events]  (or: ledger-bench reopen LEDGER [rounds])
//      swift run -c release --package-path Benchmarks domain-bench [events]
//      swift run -c release --package-path Benchmarks import-stages CAPTURE.jsonl
//      swift run -c release --package-path Benchmarks ingest-bench [submitters] [rounds]
//      Benchmarks/serve-bench.sh (builds serve-load, a load client for `groupledger serve`)
//      Benchmarks/inspection-bench.sh (builds inspection-bench: the inspection model on 1,000,000 events)
let package = Package(
    name: "GroupLedgerBenchmarks",
    dependencies: [.package(name: "GroupLedger", path: "..")],
    targets: [
        .executableTarget(
            name: "ledger-bench",
            dependencies: [
                .product(name: "LedgerCore", package: "GroupLedger"),
                .product(name: "LedgerStorage", package: "GroupLedger"),
            ]
        ),
        .executableTarget(
            name: "import-stages",
            dependencies: [
                .product(name: "LedgerCore", package: "GroupLedger"),
                .product(name: "LedgerStorage", package: "GroupLedger"),
                .product(name: "LedgerImport", package: "GroupLedger"),
            ]
        ),
        .executableTarget(
            name: "domain-bench",
            dependencies: [
                .product(name: "LedgerCore", package: "GroupLedger"),
                .product(name: "GroupDomain", package: "GroupLedger"),
            ]
        ),
        .executableTarget(
            name: "ingest-bench",
            dependencies: [
                .product(name: "LedgerCore", package: "GroupLedger"),
                .product(name: "LedgerStorage", package: "GroupLedger"),
                .product(name: "LedgerImport", package: "GroupLedger"),
                .product(name: "LedgerIngest", package: "GroupLedger"),
            ]
        ),
        .executableTarget(
            name: "inspection-bench",
            dependencies: [
                .product(name: "LedgerCore", package: "GroupLedger"),
                .product(name: "LedgerStorage", package: "GroupLedger"),
                .product(name: "GroupDomain", package: "GroupLedger"),
                .product(name: "LedgerInspection", package: "GroupLedger"),
            ]
        ),
        .executableTarget(name: "serve-load"),
    ]
)

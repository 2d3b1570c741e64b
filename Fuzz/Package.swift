// swift-tools-version: 6.1
// Fault-injection tools and libFuzzer targets for GroupLedger, kept out of the main package so that its
// `swift build` never builds fuzzers and its manifest carries no unsafe flags.
//
//   swift build --package-path Fuzz --product ledger-stress          # the stress writer used by Tests/Faults/*.sh
//   Fuzz/run.sh SECONDS                                               # build every fuzz target with ASan and run it
import PackageDescription

let fuzzTargets = [
    "FuzzRecord", "FuzzFrames", "FuzzEnvelope", "FuzzNote", "FuzzCheckpoint", "FuzzProof", "FuzzHead", "FuzzVerify",
    "FuzzZca", "FuzzOAWebhook", "FuzzZaloWeb", "FuzzRosterCSV",
]

let package = Package(
    name: "GroupLedgerFuzz",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "ledger-stress", targets: ["ledger-stress"])]
        + fuzzTargets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "GroupLedger", path: "..")],
    targets: [
        .executableTarget(
            name: "ledger-stress",
            dependencies: [.product(name: "LedgerStorage", package: "GroupLedger")]
        ),
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "LedgerCore", package: "GroupLedger"),
                .product(name: "LedgerStorage", package: "GroupLedger"),
                .product(name: "GroupDomain", package: "GroupLedger"),
                .product(name: "LedgerImport", package: "GroupLedger"),
            ]
        ),
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport",
                    .product(name: "LedgerCore", package: "GroupLedger"),
                    .product(name: "LedgerStorage", package: "GroupLedger"),
                    .product(name: "GroupDomain", package: "GroupLedger"),
                    .product(name: "LedgerImport", package: "GroupLedger"),
                ],
                swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
            )
        }
)

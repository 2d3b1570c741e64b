// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "GroupLedger",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "LedgerStorage", targets: ["LedgerStorage"]),
        .library(name: "GroupDomain", targets: ["GroupDomain"]),
        .library(name: "LedgerImport", targets: ["LedgerImport"]),
        .library(name: "LedgerIngest", targets: ["LedgerIngest"]),
        .executable(name: "groupledger", targets: ["groupledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "LedgerCore", dependencies: ["COpenSSL"]),
        .target(
            name: "LedgerStorage",
            dependencies: ["LedgerCore", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(name: "GroupDomain", dependencies: ["LedgerCore"]),
        .target(name: "LedgerImport", dependencies: ["LedgerCore", "GroupDomain"]),
        .target(
            name: "LedgerIngest",
            dependencies: [
                "LedgerCore", "LedgerStorage", "LedgerImport", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "groupledger",
            dependencies: [
                "LedgerCore", "LedgerStorage", "GroupDomain", "LedgerImport", "LedgerIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore", "TestSupport"]),
        .testTarget(
            name: "LedgerStorageTests",
            dependencies: ["LedgerStorage", "TestSupport", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .testTarget(name: "GroupDomainTests", dependencies: ["GroupDomain", "TestSupport"]),
        .testTarget(name: "LedgerImportTests", dependencies: ["LedgerImport", "TestSupport"]),
        .testTarget(
            name: "LedgerIngestTests",
            dependencies: ["LedgerIngest", "LedgerStorage", "LedgerImport", "LedgerCore", "TestSupport"]
        ),
        .testTarget(
            name: "GroupLedgerCLITests",
            dependencies: ["groupledger", "LedgerCore", "LedgerStorage", "LedgerImport", "LedgerIngest"]
        ),
    ]
)

for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}

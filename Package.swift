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
        .library(name: "LedgerReplay", targets: ["LedgerReplay"]),
        .library(name: "LedgerInspection", targets: ["LedgerInspection"]),
        .library(name: "LedgerServer", targets: ["LedgerServer"]),
        .executable(name: "groupledger", targets: ["groupledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "LedgerCore", dependencies: ["COpenSSL"]),
        .systemLibrary(name: "CKernel"),
        .target(
            name: "LedgerStorage",
            dependencies: ["LedgerCore", "CKernel", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(name: "GroupDomain", dependencies: ["LedgerCore"]),
        .target(name: "LedgerImport", dependencies: ["LedgerCore", "GroupDomain"]),
        .target(
            name: "LedgerIngest",
            dependencies: [
                "LedgerCore", "LedgerStorage", "LedgerImport", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(name: "LedgerReplay", dependencies: ["LedgerCore", "LedgerStorage", "GroupDomain"]),
        .target(
            name: "LedgerInspection",
            dependencies: ["LedgerCore", "LedgerStorage", "GroupDomain", "LedgerReplay"]
        ),
        .target(
            name: "LedgerServer",
            dependencies: [
                "LedgerCore", "LedgerStorage", "GroupDomain", "LedgerImport", "LedgerIngest", "LedgerReplay",
                "LedgerInspection", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "groupledger",
            dependencies: [
                "LedgerCore", "LedgerStorage", "GroupDomain", "LedgerImport", "LedgerIngest", "LedgerReplay",
                "LedgerServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["LedgerStorage"], path: "Tests/TestSupport"),
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
            name: "LedgerServerTests",
            dependencies: [
                "LedgerServer", "LedgerIngest", "LedgerStorage", "LedgerImport", "LedgerCore", "TestSupport",
                "GroupDomain", "LedgerReplay", "LedgerInspection",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "LedgerInspectionTests",
            dependencies: [
                "LedgerInspection", "LedgerReplay", "LedgerStorage", "GroupDomain", "LedgerCore", "TestSupport",
            ]
        ),
        .testTarget(
            name: "GroupLedgerCLITests",
            dependencies: ["groupledger", "LedgerCore", "LedgerStorage", "LedgerImport", "LedgerIngest", "TestSupport"]
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

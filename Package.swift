// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vitally-shell",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vitally-shell", targets: ["vitally-shell"]),
        .executable(name: "vitally-sim", targets: ["vitally-sim"]),
        .executable(name: "vitally-bench", targets: ["vitally-bench"]),
        .library(name: "VitallyKit", targets: ["VitallyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(
            name: "VitallyKit",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own calls, for the one bulk insert GRDB's per-row arguments slowed (ObservationStore+Bulk).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "VitallyShell", dependencies: ["VitallyKit"]),
        .executableTarget(
            name: "vitally-shell",
            dependencies: [
                "VitallyShell", "VitallyKit", "CEditLine",
            ]
        ),
        .target(
            name: "VitallySimulator",
            dependencies: [
                "VitallyKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "vitally-sim",
            dependencies: [
                "VitallySimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "vitally-bench",
            dependencies: ["VitallyKit", "VitallySimulator", "VitallyShell"]
        ),
        .testTarget(
            name: "VitallyKitTests",
            dependencies: ["VitallyKit", "VitallySimulator", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "VitallyShellTests", dependencies: ["VitallyShell", "VitallyKit", "VitallySimulator"], exclude: ["Golden"]),
        .testTarget(
            name: "VitallySimulatorTests",
            dependencies: [
                "VitallySimulator", "VitallyKit", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "VitallyKit", "VitallySimulator", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
    ]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}

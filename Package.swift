// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiCore", targets: ["GongkaiCore"]),
        .library(name: "GongkaiDocuments", targets: ["GongkaiDocuments"]),
        .library(name: "GongkaiStore", targets: ["GongkaiStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
    ],
    targets: [
        // Pure domain: the law as values and functions. Foundation only, no I/O, no clock.
        .target(name: "GongkaiCore"),
        // The official holiday schedules as a resource, read at the edge and handed to the core.
        .target(name: "GongkaiCalendarData", dependencies: ["GongkaiCore"], resources: [.copy("Resources")]),
        // Seeded randomness and generated reports for tests and benchmarks only.
        .target(name: "GongkaiTestSupport", dependencies: ["GongkaiCore"]),
        // Report files in and out.
        .target(
            name: "GongkaiDocuments",
            dependencies: [
                "GongkaiCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        // Records, migrations, repositories and report queries on SQLite and PostgreSQL.
        .target(
            name: "GongkaiStore",
            dependencies: [
                "GongkaiCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiCore", "GongkaiDocuments", "GongkaiStore", "GongkaiCalendarData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "GongkaiBench",
            dependencies: ["GongkaiCore", "GongkaiDocuments", "GongkaiStore", "GongkaiTestSupport"],
            path: "bench/GongkaiBench"
        ),
        .testTarget(
            name: "GongkaiCoreTests", dependencies: ["GongkaiCore", "GongkaiCalendarData", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiDocumentsTests", dependencies: ["GongkaiDocuments", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiStoreTests", dependencies: ["GongkaiStore"]),
        .testTarget(name: "GongkaiCLITests", dependencies: ["GongkaiCore"]),
    ]
)

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
        .library(name: "GongkaiOffice", targets: ["GongkaiOffice"]),
        .library(name: "GongkaiWeb", targets: ["GongkaiWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/vapor/leaf", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
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
            ]
        ),
        // Records, migrations, repositories and report queries on SQLite and PostgreSQL.
        .target(
            name: "GongkaiStore",
            dependencies: [
                "GongkaiCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The office's workflows, each once, over the store, the documents and the core; interfaces call these.
        .target(
            name: "GongkaiOffice",
            dependencies: [
                "GongkaiCore", "GongkaiDocuments", "GongkaiStore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        // The portal and the public API (`gongkai serve`): Vapor handlers that parse, call one office workflow, present.
        .target(
            name: "GongkaiWeb",
            dependencies: [
                "GongkaiCore", "GongkaiDocuments", "GongkaiStore", "GongkaiOffice",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiCore", "GongkaiDocuments", "GongkaiStore", "GongkaiCalendarData", "GongkaiOffice", "GongkaiWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "GongkaiBench",
            dependencies: [
                "GongkaiCore", "GongkaiDocuments", "GongkaiStore", "GongkaiTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "bench/GongkaiBench"
        ),
        .testTarget(
            name: "GongkaiCoreTests", dependencies: ["GongkaiCore", "GongkaiCalendarData", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiDocumentsTests", dependencies: ["GongkaiDocuments", "GongkaiTestSupport"]),
        .testTarget(
            name: "GongkaiStoreTests", dependencies: ["GongkaiStore", "GongkaiCalendarData", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiOfficeTests", dependencies: ["GongkaiOffice", "GongkaiCalendarData"]),
        .testTarget(
            name: "GongkaiWebTests",
            dependencies: [
                "GongkaiWeb", "GongkaiCalendarData", .product(name: "VaporTesting", package: "vapor"),
            ]),
        // Runs the built `gongkai` binary (CLIRunner); depending on it makes `swift build --build-tests` build it.
        .testTarget(name: "GongkaiCLITests", dependencies: ["gongkai"]),
    ]
)

// The fuzzing harness (fuzz/README.md): declared only when GONGKAI_FUZZ is set (scripts/fuzz sets it and builds
// with -sanitize=fuzzer in .build-fuzz), so the normal build and tests never compile it.
if Context.environment["GONGKAI_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "fuzz/Sources/FuzzDriver"),
        .executableTarget(
            name: "gongkai-fuzz", dependencies: ["FuzzDriver", "GongkaiCore", "GongkaiDocuments"],
            path: "fuzz/Sources/GongkaiFuzz"),
        .executableTarget(
            name: "gongkai-fuzz-csv", dependencies: ["FuzzDriver", "GongkaiStore"], path: "fuzz/Sources/GongkaiFuzzCSV"),
    ]
}

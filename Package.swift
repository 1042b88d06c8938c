// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LaporDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lapor", targets: ["lapor"]),
        .library(name: "LaporCore", targets: ["LaporCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Modules/CNCursesW"),
        .target(name: "LaporCore", dependencies: [.product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "GRDBSQLite", package: "GRDB.swift")],
                resources: [.copy("Resources/holidays-id.csv")]),
        .target(name: "LaporDesk", dependencies: ["LaporCore"]),
        .target(name: "LaporTerminal", dependencies: ["LaporDesk", "CNCursesW"]),
        .target(name: "LaporCLI", dependencies: [
            "LaporCore", "LaporDesk", "LaporTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lapor", dependencies: ["LaporCLI"]),
        .executableTarget(name: "lapor-bench", dependencies: [
            "LaporCore", "LaporDesk", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LaporCoreTests", dependencies: ["LaporCore"]),
        .testTarget(name: "LaporDeskTests", dependencies: ["LaporDesk"]),
        .testTarget(name: "LaporCLITests", dependencies: ["LaporCLI"]),
    ]
)

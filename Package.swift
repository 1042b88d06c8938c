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
        // Exact versions: a build in a year resolves what was tested (Package.resolved is not committed).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Modules/CNCursesW"),
        .systemLibrary(name: "CLibXML2", path: "Modules/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Modules/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "LaporCore", dependencies: [.product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "GRDBSQLite", package: "GRDB.swift"),
                                                 .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                 "CLibXML2", "CLibPQ"],
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
        // Where a suite's desk lives (a file, or a database on the tests' cluster), for every suite.
        .target(name: "LaporTestSupport", dependencies: ["LaporCore", "CLibPQ"], path: "Tests/LaporTestSupport"),
        .testTarget(name: "LaporCoreTests", dependencies: ["LaporCore", "LaporTestSupport"]),
        .testTarget(name: "LaporDeskTests", dependencies: ["LaporDesk", "LaporTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LaporCLITests", dependencies: ["LaporCLI", "LaporTestSupport",
                                                         .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Pure core: domain and the append-only log store. Foundation only.
        .target(name: "RapportCore"),
        // The thin executable: argument parsing and wiring.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: measures the log store against bare fdatasync and SQLite.
        .executableTarget(
            name: "rapport-bench",
            dependencies: ["RapportCore"],
            path: "Sources/RapportBench"
        ),
        // A child process for the crash and concurrency tests: appends and acknowledges.
        .executableTarget(
            name: "log-stress",
            dependencies: ["RapportCore"],
            path: "Tests/LogStressChild"
        ),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore", "log-stress", "rapport"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `rapport` binary as a user or a script would.
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport"]
        ),
    ]
)

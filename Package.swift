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
        // Pure UI: app state, messages, update, view into a Canvas of styled cells; themes.
        .target(name: "RapportUI", dependencies: ["RapportCore"]),
        // ncursesw, with a shim for what Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The terminal backend: the only code that touches ncurses.
        .target(name: "RapportTerminal", dependencies: ["CNcursesw", "RapportUI"]),
        // Starting children cleanly (signals, descriptors) and reading their peak memory: tests and the bench.
        .target(name: "ChildProcess"),
        // The small process between a large parent and the child whose peak memory is measured.
        .executableTarget(name: "measure-child"),
        // The thin executable: argument parsing and wiring.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore", "RapportUI", "RapportTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: measures the log store against bare fdatasync and SQLite.
        .executableTarget(
            name: "rapport-bench",
            dependencies: ["RapportCore", "RapportUI", "ChildProcess", "measure-child"],
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
            dependencies: ["RapportCore", "ChildProcess", "log-stress", "rapport"],
            exclude: ["Fixtures"]
        ),
        // The screen as a grid of cells: panes, keys, themes, snapshots.
        .testTarget(
            name: "RapportUITests",
            dependencies: ["RapportUI", "RapportCore"],
            exclude: ["Snapshots"]
        ),
        // Runs the built `rapport` binary as a user or a script would (and in tmux).
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport", "ChildProcess", "RapportCore", "measure-child"]
        ),
    ]
)

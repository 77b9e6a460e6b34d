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
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Pure core: domain and the append-only log store. Foundation only.
        .target(name: "RapportCore", dependencies: ["CXXHash"], resources: [.copy("Catalogue")]),
        // XXH3 from libxxhash, which seals the log prefix and the checkpoint.
        .systemLibrary(name: "CXXHash", path: "Sources/CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        // Files in and out: CSV and vCard read into import entries; CSV, vCard and JSON written from the state.
        .target(name: "RapportExchange", dependencies: ["RapportCore", .product(name: "CSV", package: "CSV.swift")]),
        // Pure UI: app state, messages, update, view into a Canvas of styled cells; themes.
        .target(name: "RapportUI", dependencies: ["RapportCore"]),
        // ncursesw, with a shim for what Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The screen's loop and the effects it carries out (the log, themes, long work); no terminal.
        // glibc's malloc.h, for handing freed pages back on a long session.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "RapportApp", dependencies: ["RapportCore", "RapportUI", "RapportExchange", "CMalloc"]),
        // Signal handlers in C: async-signal-safe calls and bytes prepared in advance only.
        .target(name: "CSignalSafe"),
        // The terminal backend: the only code that touches ncurses.
        .target(name: "RapportTerminal", dependencies: ["CNcursesw", "CSignalSafe", "RapportUI"]),
        // Starting children cleanly (signals, descriptors) and reading their peak memory: tests and the bench.
        .target(name: "ChildProcess"),
        // The small process between a large parent and the child whose peak memory is measured.
        .executableTarget(name: "measure-child"),
        // The thin executable: argument parsing and wiring.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore", "RapportUI", "RapportApp", "RapportTerminal", "RapportExchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: measures the log store against bare fdatasync and SQLite.
        .executableTarget(
            name: "rapport-bench",
            dependencies: ["RapportCore", "RapportUI", "RapportApp", "ChildProcess", "measure-child"],
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
            dependencies: [
                "RapportCore", "ChildProcess", "log-stress", "rapport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        // Reading and writing the exchange formats: encodings, CSV, vCard, the round trip.
        .testTarget(
            name: "RapportExchangeTests",
            dependencies: ["RapportExchange", "RapportCore"],
            exclude: ["Fixtures"]
        ),
        // The screen as a grid of cells: panes, keys, themes, snapshots.
        .testTarget(
            name: "RapportUITests",
            dependencies: ["RapportUI", "RapportCore", "RapportApp"],
            exclude: ["Snapshots"]
        ),
        // The screen's loop with a terminal in memory, and its effects on a real log.
        .testTarget(
            name: "RapportAppTests",
            dependencies: ["RapportApp", "RapportUI", "RapportCore"]
        ),
        // Runs the built `rapport` binary as a user or a script would (and in tmux).
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport", "ChildProcess", "RapportCore", "measure-child"]
        ),
    ]
)

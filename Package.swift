// swift-tools-version:6.0
// Each folder under Sources/ is one layer; the target graph below is the
// architecture, enforced by the compiler: a layer can only import the ones
// beneath it.
import PackageDescription

let package = Package(
    name: "svw",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "svw", targets: ["svw"]),
    ],
    dependencies: [
        // Command-line parsing for the executable only; help and usage errors derive from it.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Reads .xlsx workbooks (ZIP archives of XML parts), entry by entry in chunks.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 of every loaded file (BoringSSL's, with the CPU's SHA instructions).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C interop, all of it: the two system libraries and their shims, and Ctrl-C's state.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLineEdit", path: "Sources/CLineEdit", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"])]),
        // The terminal's C side: Ctrl-C's handler and counter (state, so in a .c file: one copy, not a
        // header), and running the pager or the editor in the terminal's foreground.
        .target(name: "CInterrupt", path: "Sources/CInterrupt"),

        // Numbers and plurals written for people to read, the same way in every layer.
        .target(name: "SVWText", path: "Sources/Text"),
        // The one thin wrapper over SQLite.
        .target(name: "SVWDatabase", dependencies: ["CSQLite"], path: "Sources/Database"),
        // Schema, migrations, settings and the imports log.
        .target(name: "SVWWorkspace", dependencies: ["SVWDatabase", "SVWText"], path: "Sources/Workspace"),
        // Checked loading of CSV/TSV files.
        .target(name: "SVWImport",
                dependencies: ["SVWWorkspace", "SVWDatabase", "SVWText", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                               .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/Import"),
        // Board questions answered in SQL.
        .target(name: "SVWAnalysis", dependencies: ["SVWWorkspace", "SVWDatabase", "SVWText"], path: "Sources/Analysis"),
        // Deterministic sample data.
        .target(name: "SVWSample", dependencies: [], path: "Sources/Sample"),
        // Result sets to text: box, table, csv, json…; charts.
        .target(name: "SVWRendering", dependencies: ["SVWDatabase", "SVWText"], path: "Sources/Rendering"),
        // The script format, pure text in and out: tokenizer, splitter, notebooks, parameters,
        // line diffs, relative paths, and the Markdown and HTML report writers.
        .target(name: "SVWScript", dependencies: ["SVWRendering", "SVWDatabase", "SVWText"], path: "Sources/Script"),
        // The command registry, dispatcher, and the commands that record and replay scripts.
        .target(name: "SVWCommands",
                dependencies: ["SVWScript", "SVWImport", "SVWAnalysis", "SVWRendering", "SVWWorkspace", "SVWDatabase", "SVWText",
                               "CInterrupt"],
                path: "Sources/Commands"),
        // The interactive shell: line editing, history, completion, interrupts.
        .target(name: "SVWShell",
                dependencies: ["SVWCommands", "SVWScript", "SVWAnalysis", "SVWRendering", "SVWWorkspace", "SVWDatabase", "CLineEdit",
                               "CInterrupt"],
                path: "Sources/Shell"),
        .executableTarget(name: "svw",
                          dependencies: ["SVWShell", "SVWCommands", "SVWScript", "SVWRendering", "SVWSample", "SVWWorkspace",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/svw"),

        // Seeded property-based testing shared by the fuzz tests (Tests/FuzzSupport).
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport"),
        // What tests of several layers share: scratch folders, the svw binary and its one
        // process runner, and the pseudo-terminal harness.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TextTests", dependencies: ["SVWText"], path: "Tests/TextTests"),
        .testTarget(name: "DatabaseTests", dependencies: ["SVWDatabase"], path: "Tests/DatabaseTests"),
        .testTarget(name: "WorkspaceTests", dependencies: ["SVWWorkspace", "SVWDatabase", "TestSupport"], path: "Tests/WorkspaceTests"),
        .testTarget(name: "ImportTests",
                    dependencies: ["SVWImport", "SVWWorkspace", "SVWCommands", "SVWScript", "SVWDatabase", "FuzzSupport", "TestSupport",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Tests/ImportTests"),
        .testTarget(name: "AnalysisTests",
                    dependencies: ["SVWAnalysis", "SVWImport", "SVWRendering", "SVWCommands", "SVWScript", "SVWWorkspace", "SVWDatabase",
                                   "TestSupport"],
                    path: "Tests/AnalysisTests"),
        .testTarget(name: "SampleTests", dependencies: ["SVWSample"], path: "Tests/SampleTests"),
        .testTarget(name: "RenderingTests", dependencies: ["SVWRendering", "SVWDatabase"], path: "Tests/RenderingTests"),
        .testTarget(name: "ScriptTests", dependencies: ["SVWScript", "SVWDatabase"], path: "Tests/ScriptTests"),
        .testTarget(name: "CommandsTests",
                    dependencies: ["SVWCommands", "SVWScript", "SVWImport", "SVWRendering", "SVWWorkspace", "SVWDatabase", "FuzzSupport",
                                   "TestSupport"],
                    path: "Tests/CommandsTests"),
        .testTarget(name: "ShellTests",
                    dependencies: ["SVWShell", "SVWCommands", "SVWScript", "SVWAnalysis", "SVWRendering", "SVWWorkspace", "SVWDatabase",
                                   "TestSupport"],
                    path: "Tests/ShellTests"),
        // Runs the real svw binary: end-to-end and example tests.
        .testTarget(name: "EndToEndTests", dependencies: ["svw", "TestSupport"], path: "Tests/EndToEndTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

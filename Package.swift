// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .library(name: "HandbookBuild", targets: ["HandbookBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Yams brings libyaml (CYaml), whose events HandbookContent reads directly.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own dependencies, named for the preview server's connection rules.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "HandbookDiagnostics"),
        // One system call Swift cannot reach through Glibc: an atomic exchange of two folders.
        .target(name: "CHandbookSystem"),
        // Paths and system calls, answered one way for every module.
        .target(name: "HandbookSystem", dependencies: ["CHandbookSystem"]),
        // One escaper per output language: HTML, URLs in HTML, JSON, XML.
        .target(name: "HandbookEscaping"),
        // cmark's allocations during one conversion come from an arena freed at its end.
        .target(name: "CMarkArena", dependencies: ["CMark"]),
        .target(name: "HandbookMarkdown", dependencies: ["CMark", "CMarkArena", "HandbookEscaping"]),
        .target(
            name: "HandbookContent",
            dependencies: ["HandbookDiagnostics", "HandbookMarkdown", "HandbookSystem", "Yams"]
        ),
        // `handbook init` and `handbook new`: the files they write.
        .target(name: "HandbookScaffold", dependencies: ["HandbookContent"]),
        .target(name: "HandbookIndex", dependencies: ["HandbookContent", "HandbookDiagnostics", "HandbookMarkdown", "HandbookSystem"]),
        .target(
            name: "HandbookRender",
            dependencies: [
                "HandbookIndex", "HandbookContent", "HandbookDiagnostics", "HandbookEscaping", "HandbookMarkdown", "HandbookSystem",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The default theme is compiled in (one file to install): see Plugins/EmbedTheme.
            exclude: ["Theme"],
            plugins: ["EmbedTheme"]
        ),
        // Swift sources made at build time: the theme's files, the version.
        .executableTarget(name: "SourceGenerator"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["SourceGenerator"]),
        .plugin(name: "StampVersion", capability: .buildTool(), dependencies: ["SourceGenerator"]),
        .target(
            name: "HandbookBuild",
            dependencies: [
                "HandbookRender", "HandbookIndex", "HandbookContent", "HandbookMarkdown", "HandbookDiagnostics",
                "HandbookSystem",
            ]
        ),
        .target(
            name: "HandbookServer",
            dependencies: [
                "HandbookBuild", "HandbookContent", "HandbookDiagnostics", "HandbookSystem",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookServer", "HandbookBuild", "HandbookContent", "HandbookMarkdown", "HandbookDiagnostics", "HandbookScaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["StampVersion"]
        ),
        // libFuzzer targets (`make fuzz`); built normally, a program that replays inputs.
        .executableTarget(
            name: "HandbookFuzz",
            dependencies: ["HandbookRender", "HandbookIndex", "HandbookContent", "HandbookMarkdown", "HandbookDiagnostics"]
        ),
        // Test targets mirror the modules; HandbookTestSupport holds what they share
        // (sites in temporary folders, the real binary, a seeded generator).
        .target(name: "HandbookTestSupport", path: "Tests/HandbookTestSupport"),
        .testTarget(name: "HandbookDiagnosticsTests", dependencies: ["HandbookDiagnostics"]),
        .testTarget(name: "HandbookEscapingTests", dependencies: ["HandbookEscaping"]),
        .testTarget(name: "HandbookSystemTests", dependencies: ["HandbookSystem"]),
        // The Markdown tests use libcmark directly as the oracle for "same output as cmark".
        .testTarget(name: "HandbookMarkdownTests", dependencies: ["HandbookMarkdown", "HandbookEscaping", "CMark", "HandbookTestSupport"]),
        .testTarget(name: "HandbookContentTests", dependencies: ["HandbookContent", "HandbookDiagnostics"]),
        .testTarget(
            name: "HandbookIndexTests",
            dependencies: ["HandbookIndex", "HandbookContent", "HandbookMarkdown", "HandbookDiagnostics", "HandbookTestSupport"]),
        // swift-mustache renders the same templates as the oracle of Handbook's own renderer.
        .testTarget(
            name: "HandbookRenderTests",
            dependencies: [
                "HandbookRender", "HandbookDiagnostics", "HandbookIndex", "HandbookContent", "HandbookMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(name: "HandbookScaffoldTests", dependencies: ["HandbookScaffold", "HandbookTestSupport", "handbook", "Yams"]),
        .testTarget(
            name: "HandbookServerTests", dependencies: ["HandbookServer", "HandbookBuild", "HandbookContent", "HandbookTestSupport", "handbook"]),
        .testTarget(
            name: "HandbookBuildTests",
            dependencies: ["HandbookBuild", "HandbookContent", "HandbookDiagnostics", "HandbookTestSupport", "handbook"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

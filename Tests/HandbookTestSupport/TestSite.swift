import Foundation

/// Shared by the test targets: sites written into temporary folders, the
/// real `handbook` binary, and a seeded random generator.

/// A small site written into a temporary folder, in the spirit of Hugo's
/// txtar tests: the files are given inline, the test reads what was built.
public struct TestSite {
    public let root: URL

    /// This repository's root (it is itself a handbook).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-test-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    public func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ path: String) -> String? {
        (try? Data(contentsOf: root.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Every file below `folder`, relative and sorted.
    public func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDir), !isDir.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Runs the real `handbook` executable, built beside the test bundle.
public enum CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Ended by a signal (a crash or a trap) rather than by exiting.
        public var signaled = false
        /// Killed for running past the `timeout` it was given.
        public var timedOut = false
    }

    public static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the tests run from `<build>/HandbookPackageTests.xctest`; on macOS from inside the bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("handbook").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("handbook")
    }

    /// Runs `handbook` with `arguments`; `prefix` runs it through another
    /// program (`setpriv` to drop root), `environment` overrides variables;
    /// past `timeout` seconds the process is killed.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment overrides: [String: String] = [:], prefix: [String] = [],
        timeout: Double? = nil
    ) throws -> Result {
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = executable
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [executable.path] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        // The same run on a laptop and on a CI machine: no job summary unless a test asks.
        environment["GITHUB_STEP_SUMMARY"] = nil
        for (key, value) in overrides { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var killed = false
        let watchdog = DispatchWorkItem {
            killed = true
            kill(process.processIdentifier, SIGKILL)
        }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
        // Drain stderr on another thread while stdout is read here: a process
        // that fills one pipe while nobody reads it would block for ever.
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal,
            timedOut: killed)
    }
}

/// A small deterministic generator (SplitMix64), so that a failing sequence of edits reproduces.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs git in `folder` as `author` at `date` (a fixed time, so dates are
/// known); its exit status.
@discardableResult
public func git(_ arguments: [String], in folder: URL, author: String = "Ana", date: String = "2026-10-12T10:00:00Z") throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder.path] + arguments
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in [
        "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "\(author.lowercased())@example.com", "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "\(author.lowercased())@example.com", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
    ] { environment[key] = value }
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

import Foundation
import Glibc
import Synchronization

/// The one launcher of the real `callhook` binary (the one `swift build` put beside the test
/// bundle) as a child process. Its stdout and stderr go to files in the test's folder, so a
/// child never blocks on a full pipe and a test can read what a long-running command has printed
/// so far.
///
/// ```swift
/// let server = try CallhookProcess.serve(configPath: path, in: folder)   // waits for "listening on ..."
/// let response = try HTTPTestClient.exchange(port: server.port, .get("/healthz"))
/// XCTAssertEqual(server.stop(), 0)                                        // SIGTERM, then the exit status
/// let result = try CallhookProcess.run(["calls", "--json", log], in: folder)
/// ```
///
/// Adopting it: a test that starts `callhook` calls `serve` (a server), `launch` (a command that
/// keeps running, such as `tail --follow`) or `run` (a command that ends by itself), and kills
/// what it started in `tearDown` (or `addTeardownBlock { child.kill() }`).
public final class CallhookProcess: @unchecked Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    public let process: Process
    public let stdoutPath: String
    public let stderrPath: String
    /// The port from the `listening on 127.0.0.1:PORT` line; 0 for commands that do not serve.
    public let port: Int

    private init(process: Process, stdoutPath: String, stderrPath: String, port: Int) {
        self.process = process
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        self.port = port
    }

    public var pid: pid_t { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    /// What the child has printed so far.
    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    // MARK: - Starting

    /// Tells the output files of children started in one folder apart.
    private static let started = Atomic<Int>(0)

    /// Starts `callhook ARGUMENTS` (through `launcher`, a command that ends by `exec`ing its
    /// arguments so the pid stays callhook's, e.g. ``descriptorLimit(_:)``), output to
    /// `NAME-N.out` and `NAME-N.err` in `directory`, stdin from `input`.
    public static func launch(_ arguments: [String], in directory: String, name: String = "callhook",
                              input: FileHandle? = nil, launcher: [String] = []) throws -> CallhookProcess {
        try launched(arguments, in: directory, name: name, input: input, launcher: launcher, port: 0)
    }

    /// `callhook serve --config PATH`, returned once it prints the address it listens on.
    /// Output goes to `directory`, by default the config's folder.
    public static func serve(configPath: String, in directory: String? = nil, extraArguments: [String] = [],
                             launcher: [String] = [], seconds: Double = 15) throws -> CallhookProcess {
        let folder = directory ?? URL(fileURLWithPath: configPath).deletingLastPathComponent().path
        let child = try launch(["serve", "--config", configPath] + extraArguments, in: folder, name: "serve", launcher: launcher)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let port = listeningPort(in: child.stderr) {
                return try launched(child, port: port)
            }
            if !child.isRunning {
                let status = child.waitForExit(seconds: 1)
                throw StartError("callhook serve exited with \(status.map { "\($0)" } ?? "?") before listening; stderr:\n\(child.stderr)")
            }
            usleep(5_000)
        }
        child.kill()
        throw StartError("callhook serve did not print its address within \(seconds) s; stderr:\n\(child.stderr)")
    }

    /// Runs `callhook ARGUMENTS` to the end; a nil status when it did not end within `seconds`
    /// (it is killed then).
    public static func run(_ arguments: [String], in directory: String, seconds: Double = 15)
        throws -> (status: Int32?, stdout: String, stderr: String) {
        let child = try launch(arguments, in: directory, name: "run-\(arguments.first ?? "")")
        let status = child.waitForExit(seconds: seconds)
        if status == nil { child.kill() }
        return (status, child.stdout, child.stderr)
    }

    /// A launcher that runs callhook with `RLIMIT_NOFILE` lowered to `limit`.
    public static func descriptorLimit(_ limit: Int) -> [String] {
        ["/bin/sh", "-c", "ulimit -n \(limit) && exec \"$0\" \"$@\""]
    }

    private static func launched(_ child: CallhookProcess, port: Int) throws -> CallhookProcess {
        CallhookProcess(process: child.process, stdoutPath: child.stdoutPath, stderrPath: child.stderrPath, port: port)
    }

    private static func launched(_ arguments: [String], in directory: String, name: String, input: FileHandle?,
                                 launcher: [String], port: Int) throws -> CallhookProcess {
        let process = Process()
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(launcher.dropFirst()) + [try executablePath()] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: try executablePath())
            process.arguments = arguments
        }
        let number = started.wrappingAdd(1, ordering: .relaxed).newValue
        let out = directory + "/\(name)-\(number).out"
        let err = directory + "/\(name)-\(number).err"
        guard FileManager.default.createFile(atPath: out, contents: nil),
              FileManager.default.createFile(atPath: err, contents: nil),
              let outHandle = FileHandle(forWritingAtPath: out), let errHandle = FileHandle(forWritingAtPath: err) else {
            throw StartError("cannot create \(out) and \(err)")
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        return CallhookProcess(process: process, stdoutPath: out, stderrPath: err, port: port)
    }

    // MARK: - Stopping

    public func signal(_ signo: Int32) {
        if process.isRunning { Glibc.kill(pid, signo) }
    }

    /// The exit status once the process has ended (128 + n after signal n), nil on timeout.
    public func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline { return nil }
            usleep(2_000)
        }
        process.waitUntilExit()
        switch process.terminationReason {
        case .exit: return process.terminationStatus
        case .uncaughtSignal: return 128 + process.terminationStatus
        @unknown default: return process.terminationStatus
        }
    }

    /// SIGTERM, then SIGKILL if it is still there after `seconds`; the exit status, nil when it
    /// had to be killed.
    @discardableResult
    public func stop(seconds: Double = 5) -> Int32? {
        signal(SIGTERM)
        if let status = waitForExit(seconds: seconds) { return status }
        kill()
        return nil
    }

    /// SIGKILL, then reap.
    public func kill() {
        if process.isRunning { Glibc.kill(pid, SIGKILL) }
        _ = waitForExit(seconds: 10)
    }

    // MARK: - Helpers

    private static func listeningPort(in text: String) -> Int? {
        guard let range = text.range(of: "listening on ") else { return nil }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(of: "\n") else { return nil }
        let address = rest[..<end]
        guard let colon = address.lastIndex(of: ":") else { return nil }
        return Int(address[address.index(after: colon)...])
    }

    /// `.build/<triple>/debug/callhook`, next to `callhookPackageTests.xctest`.
    public static func executablePath() throws -> String {
        var candidates: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("callhook").path)
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("callhook").path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("callhook").path)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/callhook").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw StartError("no callhook binary beside the tests; looked at \(candidates); run `swift build` first")
    }
}

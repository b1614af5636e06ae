import Foundation
import Glibc
import Synchronization
import XCTest
import TestKit

/// The real `callhook` binary run as a child process, with its stderr captured.
///
/// ```swift
/// let server = try ServerProcess.serve(configPath: path)   // waits for "listening on ..."
/// let response = try HTTPTestClient.exchange(port: server.port, Requests.get("/healthz"))
/// server.signal(SIGTERM)
/// XCTAssertEqual(server.waitForExit(seconds: 5), 0)
/// ```
final class ServerProcess: Sendable {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let process: Process
    private let output: CapturedOutput
    private let errors: CapturedOutput
    /// The port from the `listening on 127.0.0.1:PORT` line; 0 for commands that do not serve.
    let port: Int

    private init(process: Process, output: CapturedOutput, errors: CapturedOutput, port: Int) {
        self.process = process
        self.output = output
        self.errors = errors
        self.port = port
    }

    var pid: pid_t { process.processIdentifier }
    var stderrText: String { errors.text }
    var stdoutText: String { output.text }
    var isRunning: Bool { process.isRunning }

    // MARK: - Starting

    /// `callhook serve --config PATH`, returned once it prints the address it listens on.
    /// `launcher` is a command that ends by `exec`ing its arguments (so the pid stays the
    /// server's), e.g. ``ServerProcess/descriptorLimit(_:)``.
    static func serve(configPath: String, extraArguments: [String] = [], launcher: [String] = [],
                      seconds: Double = 15) throws -> ServerProcess {
        let started = try launch(["serve", "--config", configPath] + extraArguments, launcher: launcher)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let port = listeningPort(in: started.stderrText) {
                return ServerProcess(process: started.process, output: started.output, errors: started.errors, port: port)
            }
            if !started.isRunning {
                _ = started.waitForExit(seconds: 1)
                throw StartError(description: "callhook serve exited with \(started.process.terminationStatus) before listening; stderr:\n\(started.stderrText)")
            }
            usleep(5_000)
        }
        started.kill()
        throw StartError(description: "callhook serve did not print its address within \(seconds) s; stderr:\n\(started.stderrText)")
    }

    /// Starts `callhook ARGUMENTS` (through `launcher`, when given) with stdout and stderr
    /// captured and stdin from `input`.
    static func launch(_ arguments: [String], input: FileHandle? = nil, launcher: [String] = []) throws -> ServerProcess {
        let process = Process()
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(launcher.dropFirst()) + [try executableURL().path] + arguments
        } else {
            process.executableURL = try executableURL()
            process.arguments = arguments
        }
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        let output = CapturedOutput(reading: outPipe.fileHandleForReading)
        let errors = CapturedOutput(reading: errPipe.fileHandleForReading)
        return ServerProcess(process: process, output: output, errors: errors, port: 0)
    }

    /// Runs `callhook ARGUMENTS` to the end; nil status when it did not finish in time.
    static func run(_ arguments: [String], seconds: Double = 15) throws -> (status: Int32?, stdout: String, stderr: String) {
        let child = try launch(arguments)
        let status = child.waitForExit(seconds: seconds)
        if status == nil { child.kill() }
        return (status, child.stdoutText, child.stderrText)
    }

    /// A launcher that runs the server with `RLIMIT_NOFILE` lowered to `limit`.
    static func descriptorLimit(_ limit: Int) -> [String] {
        ["/bin/sh", "-c", "ulimit -n \(limit) && exec \"$0\" \"$@\""]
    }

    // MARK: - Stopping

    func signal(_ signo: Int32) {
        if process.isRunning { Glibc.kill(pid, signo) }
    }

    /// The exit status once the process has ended (128 + n for a signal), nil on timeout.
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline { return nil }
            usleep(2_000)
        }
        process.waitUntilExit()
        // Let the reader threads see EOF so the captured output is complete.
        output.waitForEOF(seconds: 2)
        errors.waitForEOF(seconds: 2)
        switch process.terminationReason {
        case .exit: return process.terminationStatus
        case .uncaughtSignal: return 128 + process.terminationStatus
        @unknown default: return process.terminationStatus
        }
    }

    /// SIGKILL, then reap.
    func kill() {
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

    /// The `callhook` binary that `swift build` put beside the test bundle.
    static func executableURL() throws -> URL {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("callhook"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("callhook"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("callhook"))
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/callhook"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw StartError(description: "no callhook binary beside the tests; looked at \(candidates.map(\.path)); run `swift build` first")
    }
}

#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer
import TestKit

/// Accepting when the process is out of descriptors: the listener pauses and retries instead of
/// spinning or giving up (Documentation.docc/HTTPConformance.md "Connections"). The scenario lowers
/// `RLIMIT_NOFILE`, so it runs in a child process (this test binary again) and never touches the
/// limit of the process running the other tests.
final class ServerEMFILETests: XCTestCase {
    private static let childVariable = "CALLHOOK_EMFILE_CHILD"
    private static let childSucceeded: Int32 = 42

    func testAcceptBacksOffOnEMFILEAndRecoversWhenDescriptorsFree() throws {
        var path = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &path, path.count - 1)
        guard length > 0 else { return XCTFail("readlink /proc/self/exe failed") }
        let executable = String(decoding: path.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let arguments = [executable, "HTTPServerTests.ServerEMFILETests/testChildScenario"]
        var environment: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            environment.append(String(cString: pointer))
            entry += 1
        }
        environment.append("\(Self.childVariable)=1")

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        XCTAssertEqual(posix_spawn(&pid, executable, nil, nil, argv, envp), 0)
        var status: Int32 = 0
        XCTAssertEqual(waitpid(pid, &status, 0), pid)
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        XCTAssertEqual(status & 0x7F, 0, "the child was killed by signal \(status & 0x7F)")
        XCTAssertEqual((status >> 8) & 0xFF, Self.childSucceeded, "the child scenario failed; its output is above")
    }

    /// Runs only as the child of the test above.
    func testChildScenario() throws {
        guard getenv(Self.childVariable) != nil else { throw XCTSkip("runs as a child process only") }
        let (server, address) = try HTTPServer.make()

        var original = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &original)
        var highest: Int32 = 2
        for fd in 0..<Int32(min(original.rlim_cur, 65_536)) where fcntl(fd, F_GETFD) != -1 { highest = fd }
        var lowered = original
        lowered.rlim_cur = rlim_t(highest + 32)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &lowered), 0)
        defer { setrlimit(Int32(RLIMIT_NOFILE.rawValue), &original) }

        // Use up every descriptor but one; the client takes that one, leaving none for accept4.
        var filler: [Int32] = []
        while true {
            let fd = dup(0)
            if fd < 0 { break }
            filler.append(fd)
        }
        XCTAssertEqual(errno, EMFILE)
        close(filler.removeLast())
        let client = try HTTPTestClient(address)

        // Wait for the server to have met EMFILE and backed off three times, then check that it
        // paused about once per 100 ms meanwhile, not thousands of retries.
        let started = Date()
        while server.acceptPauses < 3, Date().timeIntervalSince(started) < 10 { usleep(10_000) }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(server.acceptPauses, 3, "no back-off on EMFILE within \(elapsed) s")
        XCTAssertLessThanOrEqual(Double(server.acceptPauses), elapsed / 0.1 + 3, "pauses in \(elapsed) s")
        XCTAssertEqual(server.openConnections, 0)

        for fd in filler { close(fd) }
        try client.send("GET /status/200 HTTP/1.1\r\nHost: test\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 200)
        XCTAssertEqual(server.openConnections, 1)
        server.stop(drainMilliseconds: 0)

        if testRun?.failureCount == 0 { exit(Self.childSucceeded) }
    }
}

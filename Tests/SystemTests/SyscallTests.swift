#if canImport(Glibc)
import Glibc
#endif
import XCTest
import System

final class SyscallTests: XCTestCase {
    func testFailureCarriesTheCallsNameAndErrno() {
        // A directory opens for reading but cannot be read: EISDIR, a failure rather than a bug.
        let fd = open("/", O_RDONLY | O_DIRECTORY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var byte: UInt8 = 0
        XCTAssertThrowsError(try Syscall.call("read") { read(fd, &byte, 1) }) { error in
            XCTAssertEqual(error as? SystemCallError, SystemCallError(call: "read", errno: EISDIR))
            XCTAssertTrue("\(error)".hasPrefix("read: "))
        }
    }

    func testEAGAINIsNotReadyRatherThanAnError() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        XCTAssertEqual(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0)
        var byte: UInt8 = 0
        guard case .notReady = try Syscall.call("read", { read(fds[0], &byte, 1) }) else { return XCTFail() }
        XCTAssertEqual(write(fds[1], &byte, 1), 1)
        guard case .ready(1) = try Syscall.call("read", { read(fds[0], &byte, 1) }) else { return XCTFail() }
    }

    func testEINTRIsRetried() throws {
        var calls = 0
        let result = try Syscall.blocking("fake") { () -> Int32 in
            calls += 1
            if calls < 3 {
                errno = EINTR
                return -1
            }
            return 7
        }
        XCTAssertEqual(result, 7)
        XCTAssertEqual(calls, 3)
    }

    func testTheCallIsNamedByItsCaller() {
        func fdatasync() throws(SystemCallError) {
            try Syscall.blocking { () -> Int32 in errno = EIO; return -1 }
        }
        XCTAssertThrowsError(try fdatasync()) { error in
            XCTAssertEqual((error as? SystemCallError)?.call, "fdatasync()")
        }
    }
}

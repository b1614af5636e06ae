#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer

final class AcceptBackoffTests: XCTestCase {
    func testOutOfDescriptorsPausesTheListenerThenResumes() {
        var backoff = AcceptBackoff()
        XCTAssertEqual(backoff.failed(errno: EMFILE, now: 1_000), .pauseUntil(1_100))
        XCTAssertFalse(backoff.resumes(now: 1_099))
        XCTAssertTrue(backoff.resumes(now: 1_100))
        XCTAssertFalse(backoff.resumes(now: 1_200), "resumes once per pause")
        XCTAssertEqual(backoff.failed(errno: ENFILE, now: 2_000), .pauseUntil(2_100))
        XCTAssertEqual(backoff.pauses, 2)
    }

    func testErrorsAboutOneConnectionDoNotStopAccepting() {
        var backoff = AcceptBackoff()
        for error in [ECONNABORTED, EPERM, EPROTO] {
            XCTAssertEqual(backoff.failed(errno: error, now: 0), .continueAccepting)
        }
        XCTAssertNil(backoff.resumeAt)
    }
}

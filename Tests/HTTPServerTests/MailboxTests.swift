#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import XCTest
@testable import HTTPServer

final class MailboxTests: XCTestCase {
    private func wakeCount(_ mailbox: Mailbox) -> UInt64 {
        var value: UInt64 = 0
        return read(mailbox.eventFD, &value, 8) == 8 ? value : 0
    }

    func testABurstOfPostsFromOtherThreadsWakesTheLoopOnceAndArrivesWhole() throws {
        let mailbox = try Mailbox()
        DispatchQueue.concurrentPerform(iterations: 50) { i in
            mailbox.post(.init(fd: Int32(i), generation: 1, request: 1, response: HTTPResponse(status: 200)))
        }
        XCTAssertEqual(wakeCount(mailbox), 1)
        let (deliveries, stop) = mailbox.take()
        XCTAssertEqual(Set(deliveries.map(\.fd)), Set(0..<50))
        XCTAssertNil(stop)
        // Emptied: the next post wakes again.
        mailbox.post(.init(fd: 1, generation: 1, request: 2, response: HTTPResponse(status: 200)))
        XCTAssertEqual(wakeCount(mailbox), 1)
    }

    func testAStopRequestIsKeptAndWakes() throws {
        let mailbox = try Mailbox()
        mailbox.requestStop(deadline: 1_234)
        XCTAssertEqual(wakeCount(mailbox), 1)
        XCTAssertEqual(mailbox.take().stopDeadline, 1_234)
    }

    func testPostsAfterTheLoopEndedAreDropped() throws {
        let mailbox = try Mailbox()
        mailbox.close()
        mailbox.post(.init(fd: 1, generation: 1, request: 1, response: HTTPResponse(status: 200)))
        XCTAssertEqual(wakeCount(mailbox), 0)
        XCTAssertTrue(mailbox.take().deliveries.isEmpty)
    }
}

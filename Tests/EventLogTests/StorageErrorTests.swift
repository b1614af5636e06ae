@testable import EventLog
import Glibc
import XCTest

final class StorageErrorTests: XCTestCase {
    func testFullDiskAndQuotaAreNoSpace() {
        XCTAssertEqual(StorageError.failed("write", errno: ENOSPC), .noSpace)
        XCTAssertEqual(StorageError.failed("write", errno: EDQUOT), .noSpace)
    }

    func testOtherErrnoKeepsTheCall() {
        XCTAssertEqual(StorageError.failed("fdatasync", errno: EIO), .io(call: "fdatasync", errno: EIO))
    }

    func testDescriptionNamesCallAndErrno() {
        XCTAssertEqual("\(StorageError.io(call: "fdatasync", errno: EIO))", "fdatasync failed: Input/output error (errno 5)")
        XCTAssertEqual("\(StorageError.noSpace)", "no space left on device")
        XCTAssertEqual("\(StorageError.closed)", "log closed")
    }
}

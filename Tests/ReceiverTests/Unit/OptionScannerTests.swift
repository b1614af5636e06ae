import XCTest
@testable import Receiver

final class OptionScannerTests: XCTestCase {
    private func scan(_ arguments: [String]) -> Result<OptionScanner.Scanned, UsageError> {
        var scanner = OptionScanner(command: .tail)
        return scanner.scan(arguments, flags: ["--json"], options: ["--call"], shortFlags: ["-j": "--json"])
    }

    func testValuesMayStartWithADash() throws {
        let scanned = try scan(["--call", "-abc"]).get()
        XCTAssertEqual(scanned.values["--call"], "-abc")
    }

    func testInlineValueKeepsLaterEqualsSigns() throws {
        XCTAssertEqual(try scan(["--call=a=b"]).get().values["--call"], "a=b")
    }

    func testDoubleDashEndsOptions() throws {
        let scanned = try scan(["--json", "--", "--call", "-"]).get()
        XCTAssertEqual(scanned.flags, ["--json"])
        XCTAssertEqual(scanned.positionals, ["--call", "-"])
    }

    func testShortFlagAlias() throws {
        XCTAssertEqual(try scan(["-j"]).get().flags, ["--json"])
        XCTAssertThrowsError(try scan(["-j", "--json"]).get()) {
            XCTAssertEqual($0 as? UsageError, UsageError("--json is given more than once", command: .tail))
        }
    }

    func testHelpShortCircuits() throws {
        XCTAssertTrue(try scan(["--nope", "-h"]).get().help)
        XCTAssertFalse(try scan(["--", "-h"]).get().help)
    }
}

import XCTest
@testable import Receiver

final class TailFormatterTests: XCTestCase {
    static let hangup = LoggedEvent.make(json: #"{"id":"1","received_at":"2020-01-29T07:45:41.002Z","vendor":"impactpbx","type":"call.hangup","key":"k","call_id":"c","direction":"outbound","from":{"number":"+442035040000","name":null},"to":{"number":"0035799123456","name":null},"outcome":"answered","occurred_at":"2020-01-29T07:45:40.000Z","talk_seconds":4}"#)
    static let ringing = LoggedEvent.make(json: #"{"id":"2","received_at":"2021-04-28T08:45:56.120Z","vendor":"voipstudio","type":"call.ringing","key":"k2","call_id":"9","direction":"inbound","from":{"number":null,"name":"Reception"},"to":{"number":null,"name":null},"outcome":null,"occurred_at":null,"talk_seconds":null}"#)

    func testOneLineWithEveryColumn() {
        XCTAssertEqual(TailFormatter(colour: false).format(Self.hangup),
                       "2020-01-29 07:45:40.000 impactpbx   call.hangup   outbound +442035040000 → 0035799123456     answered    4s")
    }

    func testReceivedTimeAndNamesStandInForWhatIsMissing() {
        XCTAssertEqual(TailFormatter(colour: false).format(Self.ringing),
                       "2021-04-28 08:45:56.120 voipstudio  call.ringing  inbound  Reception → ?")
    }

    func testColumnsLineUpWhateverTheValues() {
        let formatter = TailFormatter(colour: false)
        let long = LoggedEvent.make(json: #"{"id":"3","received_at":"2020-01-29T07:45:41.002Z","vendor":"urlnetworks","type":"call.answered","direction":"internal","from":{"number":"+44203504000012345678","name":null},"to":{"number":"1","name":null},"outcome":"unavailable","talk_seconds":3725}"#)
        let lines = [Self.hangup, Self.ringing, long].map(formatter.format)
        // The outcome column starts at the same place on every line that has one.
        let starts = [lines[0], lines[2]].map { line in
            line.distance(from: line.startIndex, to: (line.range(of: " answered ") ?? line.range(of: " unavailable ")!).lowerBound)
        }
        XCTAssertEqual(starts[0], starts[1], lines.joined(separator: "\n"))
        XCTAssertTrue(lines[2].contains("+4420350400001… → 1"), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("unavailable 1h02m05s"), lines[2])
    }

    func testColourOnlyWhenAskedAndOnlyAroundTheType() {
        let plain = TailFormatter(colour: false).format(Self.hangup)
        let coloured = TailFormatter(colour: true).format(Self.hangup)
        XCTAssertFalse(plain.contains("\u{1B}"))
        XCTAssertTrue(coloured.contains("\u{1B}[32mcall.hangup  \u{1B}[0m"), coloured)
        XCTAssertEqual(coloured.replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: ""), plain)
    }

    func testNoColourWhenNotATerminal() {
        let pipe = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        defer { pipe.deallocate() }
        XCTAssertEqual(Glibc.pipe(pipe), 0)
        defer { close(pipe[0]); close(pipe[1]) }
        XCTAssertFalse(TailFormatter.wantsColour(fd: pipe[1]))
    }

    func testTalkTime() {
        XCTAssertEqual(TailFormatter.talkTime(0), "0s")
        XCTAssertEqual(TailFormatter.talkTime(59), "59s")
        XCTAssertEqual(TailFormatter.talkTime(60), "1m00s")
        XCTAssertEqual(TailFormatter.talkTime(185), "3m05s")
        XCTAssertEqual(TailFormatter.talkTime(3725), "1h02m05s")
    }

    func testReadableTime() {
        XCTAssertEqual(TailFormatter.readableTime("2020-01-29T07:45:19.489Z"), "2020-01-29 07:45:19.489")
    }
}

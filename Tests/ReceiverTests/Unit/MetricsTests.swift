import CallEvents
import EventLog
import XCTest
@testable import Receiver

/// `/metrics` text, checked line by line as a scraper reads it.
final class MetricsTests: XCTestCase {
    func render(_ metrics: Metrics, events: EventLogStats = EventLogStats(), rejects: EventLogStats = EventLogStats(),
                open: Int = 0) throws -> ExpositionText {
        let text = metrics.render(openConnections: open, eventLog: events, rejectsLog: rejects)
        do {
            return try ExpositionText.parse(text)
        } catch {
            XCTFail("\(error)\n\(text)")
            throw error
        }
    }

    func testNothingCountedYetIsStillWellFormed() throws {
        let parsed = try render(Metrics())
        for family in ["callhook_requests_total", "callhook_events_total", "callhook_rejects_total",
                       "callhook_auth_refusals_total", "callhook_duplicates_total", "callhook_open_connections",
                       "callhook_log_lines_written_total", "callhook_log_bytes_written_total",
                       "callhook_storage_healthy", "callhook_fsync_seconds"] {
            XCTAssertNotNil(parsed.types[family], family)
            XCTAssertNotNil(parsed.helps[family], family)
        }
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_count"), 0)
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_bucket", ["le": "+Inf"]), 0)
    }

    func testEveryCountIsItsOwnSeries() throws {
        let metrics = Metrics()
        for _ in 0..<3 { metrics.countRequest(route: "impactpbx", status: 200) }
        metrics.countRequest(route: "impactpbx", status: 422)
        metrics.countRequest(route: nil, status: 404)
        metrics.countEvent(route: "impactpbx", vendor: .impactpbx, type: .hangup)
        metrics.countEvent(route: "any", vendor: .impactpbx, type: .hangup)
        metrics.countEvent(route: "voipnow", vendor: .voipnow, type: .ringing)
        metrics.countReject(route: "impactpbx", status: 422)
        metrics.countAuthRefusal(route: "voipnow", status: 401)
        metrics.countAuthRefusal(route: "voipnow", status: 403)
        metrics.countDuplicate(route: "impactpbx")
        let parsed = try render(metrics, open: 7)

        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "impactpbx", "status": "200"]), 3)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "impactpbx", "status": "422"]), 1)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "", "status": "404"]), 1)
        XCTAssertEqual(parsed.value("callhook_events_total", ["vendor": "impactpbx", "type": "call.hangup"]), 2)
        XCTAssertEqual(parsed.value("callhook_events_total", ["vendor": "voipnow", "type": "call.ringing"]), 1)
        XCTAssertEqual(parsed.value("callhook_rejects_total", ["route": "impactpbx", "status": "422"]), 1)
        XCTAssertEqual(parsed.value("callhook_auth_refusals_total", ["route": "voipnow", "status": "401"]), 1)
        XCTAssertEqual(parsed.value("callhook_auth_refusals_total", ["route": "voipnow", "status": "403"]), 1)
        XCTAssertEqual(parsed.value("callhook_duplicates_total", ["route": "impactpbx"]), 1)
        XCTAssertEqual(parsed.value("callhook_open_connections"), 7)
        XCTAssertEqual(parsed.series("callhook_requests_total").count, 3)
    }

    func testLogCountersAndTheFsyncHistogram() throws {
        var events = EventLogStats()
        events.linesWritten = 5
        events.bytesWritten = 1234
        for seconds in [0.00005, 0.0002, 0.0002, 0.003, 2.5] { events.fsyncLatency.observe(seconds: seconds) }
        var rejects = EventLogStats()
        rejects.linesWritten = 1
        rejects.bytesWritten = 99
        rejects.healthy = false
        let parsed = try render(Metrics(), events: events, rejects: rejects)

        XCTAssertEqual(parsed.value("callhook_log_lines_written_total", ["log": "events"]), 5)
        XCTAssertEqual(parsed.value("callhook_log_bytes_written_total", ["log": "events"]), 1234)
        XCTAssertEqual(parsed.value("callhook_log_lines_written_total", ["log": "rejects"]), 1)
        XCTAssertEqual(parsed.value("callhook_log_bytes_written_total", ["log": "rejects"]), 99)
        XCTAssertEqual(parsed.value("callhook_storage_healthy"), 1, "the event log's health")
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_bucket", ["le": "0.0001"]), 1)
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_bucket", ["le": "0.00025"]), 3)
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_bucket", ["le": "0.005"]), 4)
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_bucket", ["le": "1"]) ?? parsed.value("callhook_fsync_seconds_bucket", ["le": "1.0"]), 4)
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_bucket", ["le": "+Inf"]), 5, "the slow one is only in +Inf")
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_count"), 5)
        XCTAssertEqual(parsed.value("callhook_fsync_seconds_sum") ?? 0, 2.50345, accuracy: 1e-9)
    }

    func testLabelValuesAreEscaped() throws {
        let metrics = Metrics()
        metrics.countRequest(route: "odd \"name\" with \\ and\nnewline", status: 200)
        let parsed = try render(metrics)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "odd \"name\" with \\ and\nnewline", "status": "200"]), 1)
    }

    func testUnhealthyStorageIsZero() throws {
        var events = EventLogStats()
        events.healthy = false
        XCTAssertEqual(try render(Metrics(), events: events).value("callhook_storage_healthy"), 0)
    }
}

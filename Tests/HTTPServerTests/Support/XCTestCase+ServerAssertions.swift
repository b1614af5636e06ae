#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer
import TestKit

/// Connection-level checks for the conformance suites: raw bytes over a real socket to a server
/// running `TestHandler`, the answer's status, and whether the server then closed or kept the
/// connection.
///
/// ```swift
/// override func setUpWithError() throws { address = try startConformanceServer() }
/// assertClosed("GET / HTTP/1.1\r\n\r\n", status: 400, on: address)     // "400c"
/// assertKept("GET /status/200 HTTP/1.1\r\nHost: a\r\n\r\n", on: address)
/// ```
extension XCTestCase {
    /// Starts a server on 127.0.0.1, port 0, running `handler` with a 64-byte body limit (the
    /// limit the conformance rows are written for); stopped without a drain when the test ends.
    /// Returns the address to connect to.
    func startConformanceServer(limits: HTTPLimits = .make(maxBodyBytes: 64),
                                handler: TestHandler = TestHandler()) throws -> String {
        let (server, address) = try HTTPServer.make(limits: limits, handler: handler)
        addTeardownBlock { server.stop(drainMilliseconds: 0) }
        return address
    }

    /// Sends `input` (cut at `cuts`) on a new connection; expects one answer with a status in
    /// `statuses` and `Connection: close`, then end of stream
    /// (Documentation.docc/HTTPConformance.md "400c").
    @discardableResult
    func assertClosed(_ input: [UInt8], statuses: Set<Int>, on address: String, cuts: [Int] = [],
                      _ message: String = "", file: StaticString = #filePath, line: UInt = #line) -> HTTPTestResponse? {
        let label = message.isEmpty ? Self.describe(input) : message
        do {
            let client = try HTTPTestClient(address)
            try client.send(input, cuts: cuts)
            let response = try client.readResponse()
            XCTAssertTrue(statuses.contains(response.status), "\(label): status \(response.status), expected \(statuses.sorted())", file: file, line: line)
            XCTAssertEqual(response.header("Connection"), "close", "\(label): no Connection: close", file: file, line: line)
            XCTAssertTrue(try client.readsEndOfStream(), "\(label): more bytes after the answer instead of a close", file: file, line: line)
            return response
        } catch {
            XCTFail("\(label): \(error)", file: file, line: line)
            return nil
        }
    }

    @discardableResult
    func assertClosed(_ input: String, status: Int, on address: String, cuts: [Int] = [],
                      file: StaticString = #filePath, line: UInt = #line) -> HTTPTestResponse? {
        assertClosed(Array(input.utf8), statuses: [status], on: address, cuts: cuts, file: file, line: line)
    }

    /// Sends `input` (cut at `cuts`) on a new connection; expects answers with `statuses` in
    /// order, none saying `Connection: close`, and then one more request served on the same
    /// connection. Returns the answers to `input`.
    @discardableResult
    func assertKept(_ input: [UInt8], statuses: [Int] = [200], on address: String, cuts: [Int] = [],
                    _ message: String = "", file: StaticString = #filePath, line: UInt = #line) -> [HTTPTestResponse] {
        let label = message.isEmpty ? Self.describe(input) : message
        do {
            let client = try HTTPTestClient(address)
            try client.send(input, cuts: cuts)
            var responses: [HTTPTestResponse] = []
            for _ in statuses { responses.append(try client.readResponse()) }
            XCTAssertEqual(responses.map(\.status), statuses, label, file: file, line: line)
            for response in responses where response.header("Connection") == "close" {
                XCTFail("\(label): Connection: close on a request that keeps the connection", file: file, line: line)
            }
            try client.send("GET /status/204 HTTP/1.1\r\nHost: a\r\n\r\n")
            XCTAssertEqual(try client.readResponse().status, 204, "\(label): the connection does not serve a next request", file: file, line: line)
            return responses
        } catch {
            XCTFail("\(label): \(error)", file: file, line: line)
            return []
        }
    }

    @discardableResult
    func assertKept(_ input: String, statuses: [Int] = [200], on address: String, cuts: [Int] = [],
                    file: StaticString = #filePath, line: UInt = #line) -> [HTTPTestResponse] {
        assertKept(Array(input.utf8), statuses: statuses, on: address, cuts: cuts, file: file, line: line)
    }

    /// Sends `input`, then ends the write side; expects no answer at all, just the close.
    func assertClosedWithoutAnswer(_ input: String, on address: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        do {
            let client = try HTTPTestClient(address)
            try client.send(input)
            client.shutdownWrite()
            XCTAssertTrue(try client.readsEndOfStream(), "\(Self.describe(Array(input.utf8))): answered", file: file, line: line)
        } catch {
            XCTFail("\(Self.describe(Array(input.utf8))): \(error)", file: file, line: line)
        }
    }

    /// The input with control and non-ASCII bytes escaped, for failure messages.
    static func describe(_ input: [UInt8]) -> String {
        var text = ""
        for byte in input.prefix(120) {
            switch byte {
            case 0x0D: text += "\\r"
            case 0x0A: text += "\\n"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\x" + String(byte, radix: 16)
            }
        }
        return input.count > 120 ? text + "... (\(input.count) bytes)" : text
    }
}

import XCTest
import TestSupport
@testable import HTTPServer

/// Runs a parser over input delivered in many ways and checks every way gives the same events,
/// the way SwiftNIO's `ByteToMessageDecoderVerifier` does. Each way is a `ParserRun`
/// (Tests/TestSupport/ParserRun.swift), the same feeding the parser fuzzers check.
///
/// ```swift
/// let events = ParserVerifier.events("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
/// ```
enum ParserVerifier {
    typealias Event = HTTPRequestParser.Event

    /// A request that follows the input in one of the ways, to check nothing leaks into it.
    static let secondRequest = ParserRun.requestAfterAnError

    /// The events (without `.needMoreData`) for `input` fed whole, after checking that one byte
    /// at a time, split into two at every offset, and followed by a pipelined request give the
    /// same ones (and the same phase at the end).
    static func events(_ input: [UInt8], limits: HTTPLimits = HTTPLimits(),
                       file: StaticString = #filePath, line: UInt = #line) -> [Event] {
        let whole = run(input, cuts: [], limits: limits, file: file, line: line)
        let byteByByte = run(input, cuts: ParserRun.everyByte(in: input), limits: limits, file: file, line: line)
        XCTAssertEqual(byteByByte.events, whole.events, "byte by byte", file: file, line: line)
        XCTAssertEqual(byteByByte.phase, whole.phase, "byte by byte", file: file, line: line)
        for split in input.indices.dropFirst() {
            let two = run(input, cuts: [split], limits: limits, file: file, line: line)
            if two.events != whole.events || two.phase != whole.phase {
                XCTFail("split at \(split): \(two.events) != \(whole.events)", file: file, line: line)
                break
            }
        }
        let second = Array(secondRequest.utf8)
        switch whole.events.last {
        case .error:
            // Nothing after the error is read.
            let more = run(input + second, cuts: [], limits: limits, file: file, line: line)
            XCTAssertEqual(more.events, whole.events, "with more bytes after the error", file: file, line: line)
        case .body:
            let secondEvents = run(second, cuts: [], limits: limits, file: file, line: line).events
            let pipelined = run(input + second, cuts: [], limits: limits, file: file, line: line)
            XCTAssertEqual(pipelined.events, whole.events + secondEvents, "pipelined", file: file, line: line)
            XCTAssertEqual(pipelined.phase, .idle, "pipelined", file: file, line: line)
        default:
            break  // incomplete input: a second request would be read as its continuation
        }
        return whole.events
    }

    static func events(_ input: String, limits: HTTPLimits = HTTPLimits(),
                       file: StaticString = #filePath, line: UInt = #line) -> [Event] {
        events(Array(input.utf8), limits: limits, file: file, line: line)
    }

    /// One `ParserRun` of `input` cut at `cuts`, failing the test when an error does not stick.
    static func run(_ input: [UInt8], cuts: [Int], limits: HTTPLimits,
                    file: StaticString = #filePath, line: UInt = #line) -> ParserRun {
        let run = ParserRun(input, cuts: cuts, limits: limits)
        XCTAssertTrue(run.errorSticks, "an error sticks: \(run)", file: file, line: line)
        return run
    }
}

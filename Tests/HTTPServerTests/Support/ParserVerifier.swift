import XCTest
@testable import HTTPServer

/// Runs a parser over input delivered in many ways and checks every way gives the same events,
/// the way SwiftNIO's `ByteToMessageDecoderVerifier` does.
///
/// ```swift
/// let events = ParserVerifier.events("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
/// ```
enum ParserVerifier {
    typealias Event = HTTPRequestParser.Event

    /// A request that follows the input in one of the ways, to check nothing leaks into it.
    static let secondRequest = "GET /second HTTP/1.1\r\nHost: b\r\n\r\n"

    /// The events (without `.needMoreData`) for `input` fed whole, after checking that one byte
    /// at a time, split into two at every offset, and followed by a pipelined request give the
    /// same ones (and the same phase at the end).
    static func events(_ input: [UInt8], limits: HTTPLimits = HTTPLimits(),
                       file: StaticString = #filePath, line: UInt = #line) -> [Event] {
        let whole = run([input[...]], limits: limits)
        let byteByByte = run(input.indices.map { input[$0...$0] }, limits: limits)
        XCTAssertEqual(byteByByte.events, whole.events, "byte by byte", file: file, line: line)
        XCTAssertEqual(byteByByte.phase, whole.phase, "byte by byte", file: file, line: line)
        for split in input.indices.dropFirst() {
            let two = run([input[..<split], input[split...]], limits: limits)
            if two.events != whole.events || two.phase != whole.phase {
                XCTFail("split at \(split): \(two.events) != \(whole.events)", file: file, line: line)
                break
            }
        }
        let second = Array(secondRequest.utf8)
        switch whole.events.last {
        case .error:
            // Nothing after the error is read.
            let more = run([(input + second)[...]], limits: limits)
            XCTAssertEqual(more.events, whole.events, "with more bytes after the error", file: file, line: line)
        case .body:
            let secondEvents = run([second[...]], limits: limits).events
            let pipelined = run([(input + second)[...]], limits: limits)
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

    /// Feeds each piece in turn, calling `next()` until it needs more data, and stops at an error
    /// after checking the error sticks.
    static func run(_ pieces: [ArraySlice<UInt8>], limits: HTTPLimits) -> (events: [Event], phase: HTTPRequestParser.Phase) {
        var parser = HTTPRequestParser(limits: limits)
        var events: [Event] = []
        for piece in pieces {
            piece.withUnsafeBytes { parser.feed($0) }
            while true {
                let event = parser.next()
                if event == .needMoreData { break }
                events.append(event)
                if case .error = event {
                    parser.feed(Array(secondRequest.utf8))
                    XCTAssertEqual(parser.next(), event, "an error sticks")
                    return (events, parser.phase)
                }
            }
        }
        return (events, parser.phase)
    }
}

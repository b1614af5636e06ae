import HTTPServer
import TestSupport

/// What an `HTTPRequestParser` made of some input delivered in pieces: its events (without
/// `.needMoreData`), and where it stood at the end.
///
/// ```swift
/// let whole = ParserRun(input, cuts: [], limits: limits)
/// let split = ParserRun(input, cuts: ParserRun.randomCuts(in: input), limits: limits)
/// FuzzCheck.require(whole == split, ...)
/// ```
public struct ParserRun: Equatable, CustomStringConvertible {
    public var events: [HTTPRequestParser.Event] = []
    public var phase = HTTPRequestParser.Phase.idle
    public var bufferedByteCount = 0

    /// Feeds `input` cut at the offsets `cuts` (ascending), calling `next()` after each piece
    /// until it needs more data; stops at the first error, after checking that it sticks.
    public init(_ input: UnsafeRawBufferPointer, cuts: [Int], limits: HTTPLimits) {
        var parser = HTTPRequestParser(limits: limits)
        var start = 0
        for end in cuts + [input.count] {
            parser.feed(UnsafeRawBufferPointer(rebasing: input[start..<end]))
            start = end
            while true {
                let event = parser.next()
                if event == .needMoreData { break }
                events.append(event)
                if case .error = event {
                    parser.feed(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
                    FuzzCheck.require(parser.next() == event, "an error does not stick: \(event)")
                    phase = parser.phase
                    bufferedByteCount = parser.bufferedByteCount
                    return
                }
            }
        }
        phase = parser.phase
        bufferedByteCount = parser.bufferedByteCount
    }

    /// Up to 16 ascending cut points in `1..<input.count`, chosen by a generator seeded from the input.
    public static func randomCuts(in input: UnsafeRawBufferPointer) -> [Int] {
        guard input.count > 1 else { return [] }
        var random = SplitMix64(seed: SplitMix64.seed(of: input))
        let count = 1 + random.next(below: 16)
        return Set((0..<count).map { _ in 1 + random.next(below: input.count - 1) }).sorted()
    }

    /// Every offset: one byte per piece.
    public static func everyByte(in input: UnsafeRawBufferPointer) -> [Int] {
        input.count > 1 ? Array(1..<input.count) : []
    }

    public var description: String {
        "\(events.count) events \(events), phase \(phase), \(bufferedByteCount) bytes buffered"
    }
}

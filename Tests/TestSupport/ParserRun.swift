import HTTPServer

/// What an `HTTPRequestParser` made of some input delivered in pieces: its events (without
/// `.needMoreData`), and where it stood at the end. The one way the parser tests
/// (`ParserVerifier`) and the parser fuzzers (`ParserConsistency`) feed it, so both check the same
/// thing; it asserts nothing itself, each caller checks `errorSticks` its own way.
///
/// ```swift
/// let whole = ParserRun(input, cuts: [], limits: limits)
/// let split = ParserRun(input, cuts: ParserRun.randomCuts(in: input), limits: limits)
/// FuzzCheck.require(whole == split, ...)          // or XCTAssertEqual(split.events, whole.events)
/// ```
public struct ParserRun: Equatable, CustomStringConvertible {
    /// Fed after an error to see whether the parser still answers with that error.
    public static let requestAfterAnError = "GET /second HTTP/1.1\r\nHost: b\r\n\r\n"

    public var events: [HTTPRequestParser.Event] = []
    public var phase = HTTPRequestParser.Phase.idle
    public var bufferedByteCount = 0
    /// False when the run ended in an error and a request fed after it got another event.
    public var errorSticks = true

    /// Feeds `input` cut at the offsets `cuts` (ascending), calling `next()` after each piece
    /// until it needs more data; stops at the first error, after seeing whether it sticks.
    public init(_ input: UnsafeRawBufferPointer, cuts: [Int], limits: HTTPLimits) {
        var parser = HTTPRequestParser(limits: limits)
        var start = 0
        run: for end in cuts + [input.count] where end >= start {
            parser.feed(UnsafeRawBufferPointer(rebasing: input[start..<end]))
            start = end
            while true {
                let event = parser.next()
                if event == .needMoreData { break }
                events.append(event)
                if case .error = event {
                    parser.feed(Array(Self.requestAfterAnError.utf8))
                    errorSticks = parser.next() == event
                    break run
                }
            }
        }
        phase = parser.phase
        bufferedByteCount = parser.bufferedByteCount
    }

    public init(_ input: [UInt8], cuts: [Int], limits: HTTPLimits) {
        self = input.withUnsafeBytes { ParserRun($0, cuts: cuts, limits: limits) }
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

    public static func everyByte(in input: [UInt8]) -> [Int] {
        input.count > 1 ? Array(1..<input.count) : []
    }

    public var description: String {
        "\(events.count) events \(events), phase \(phase), \(bufferedByteCount) bytes buffered"
            + (errorSticks ? "" : ", the error did not stick")
    }
}

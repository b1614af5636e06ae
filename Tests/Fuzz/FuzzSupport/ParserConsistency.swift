import HTTPServer
import TestSupport

/// The property both parser fuzz targets check: the same events whole, one byte at a time,
/// and in pseudo-random pieces (Documentation.docc/HTTPConformance.md: "one request split at any
/// byte: same result").
///
/// ```swift
/// ParserConsistency.check(input, limits: ParserConsistency.smallLimits)
/// ```
public enum ParserConsistency {
    /// Limits small enough for short inputs to reach the 413, 414 and 431 answers.
    public static let smallLimits: HTTPLimits = {
        var limits = HTTPLimits()
        limits.maxHeaderBytes = 1024
        limits.maxHeaders = 16
        limits.maxTargetBytes = 256
        limits.maxBodyBytes = 2048
        return limits
    }()

    /// Traps unless every way of feeding `input` gives the same run; returns the whole run.
    @discardableResult
    public static func check(_ input: UnsafeRawBufferPointer, limits: HTTPLimits) -> ParserRun {
        let whole = ParserRun(input, cuts: [], limits: limits)
        FuzzCheck.require(whole.errorSticks, "an error does not stick: \(whole)")
        let cuts = ParserRun.randomCuts(in: input)
        let pieces = ParserRun(input, cuts: cuts, limits: limits)
        FuzzCheck.require(pieces == whole, "cut at \(cuts): \(pieces)\nwhole: \(whole)")
        let bytes = ParserRun(input, cuts: ParserRun.everyByte(in: input), limits: limits)
        FuzzCheck.require(bytes == whole, "byte by byte: \(bytes)\nwhole: \(whole)")
        for event in whole.events {
            if case .body(let body) = event {
                FuzzCheck.require(body.count <= limits.maxBodyBytes, "a body of \(body.count) bytes passed the limit")
            }
        }
        return whole
    }
}

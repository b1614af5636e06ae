@testable import HTTPServer

extension HTTPLimits {
    /// Limits with the given values, the defaults otherwise.
    static func make(maxHeaderBytes: Int = 16_384, maxHeaders: Int = 100,
                     maxTargetBytes: Int = 8_192, maxBodyBytes: Int = 1_048_576) -> HTTPLimits {
        var limits = HTTPLimits()
        limits.maxHeaderBytes = maxHeaderBytes
        limits.maxHeaders = maxHeaders
        limits.maxTargetBytes = maxTargetBytes
        limits.maxBodyBytes = maxBodyBytes
        return limits
    }
}

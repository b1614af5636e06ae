import Foundation

// Shorthands the end-to-end tests share.
extension RawHTTPClient {
    /// Sends `request` and reads up to its final response.
    func exchangeAll(_ request: [UInt8]) throws -> (informational: [HTTPResponseMessage], final: HTTPResponseMessage) {
        try send(request)
        return try readFinalResponse()
    }

    /// Whether anything accepts a connection on the port.
    static func connects(port: Int) throws -> Bool {
        do {
            _ = try RawHTTPClient(port: port, timeout: 1)
            return true
        } catch ClientError.system("connect", _) {
            return false
        }
    }
}

import Foundation

/// A failure of the test machinery itself (not of the code under test), with what went wrong.
struct OpsFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

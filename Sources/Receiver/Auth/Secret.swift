/// A shared secret (a route's `secret`, the `admin_token`). Printing, dumping or interpolating
/// it shows `<redacted>`; the only way to use it is ``matches(_:)``, in constant time.
///
/// ```swift
/// let secret = Secret("s3cret")
/// secret.matches(Array("s3cret".utf8))   // true
/// "\(secret)"                            // "<redacted>"
/// ```
struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    // Internal, not private: the redactor looks for it in every line written.
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Number of bytes; used to reject empty secrets, never printed.
    var isEmpty: Bool { bytes.isEmpty }

    /// Compares in time that depends on the candidate's length only: every byte is visited,
    /// with no early exit, whether the lengths match or not.
    func matches(_ candidate: some Collection<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var difference: UInt8 = candidate.count == bytes.count ? 0 : 1
        var index = 0
        for byte in candidate {
            // Wrapping over the secret keeps the work the same for any candidate length.
            difference |= byte ^ bytes[index]
            index += 1
            if index == bytes.count { index = 0 }
        }
        return difference == 0
    }

    static func == (lhs: Secret, rhs: Secret) -> Bool { lhs.matches(rhs.bytes) }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

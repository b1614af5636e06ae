import Foundation

/// A file under Tests/TestKit/Fixtures, shipped with the tests as a resource, read byte for byte
/// (no trailing newline is added or taken away).
///
/// ```swift
/// let body = Fixture.text("Vendors/impactHangup.json")
/// let bytes = Fixture.bytes("Vendors/voipnowHangupForm.form")
/// ```
///
/// Adopting it: drop a payload from a vendor's document into `Fixtures/Vendors/` under a name
/// that says what it is, and name it in `VendorFixtures` when more than one test reads it.
public enum Fixture {
    /// The folder the resources were copied to beside the test bundle.
    static let folder: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    public static func bytes(_ name: String) -> [UInt8] {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            fatalError("no fixture \(name) at \(url.path)")
        }
        return [UInt8](data)
    }

    public static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }
}

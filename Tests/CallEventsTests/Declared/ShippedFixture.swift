@testable import CallEvents
import Foundation
import XCTest

/// One documented delivery of a shipped vendor, from `Fixtures/<vendor>/`: the body as the
/// vendor sends it (`.json`, `.form` or `.jwt`) and, beside it, the full line it must become
/// (`<name>.line.json`) with the envelope of `Mock`.
struct ShippedFixture {
    var vendor: String
    var name: String
    var body: [UInt8]
    var contentType: String
    var expectedLine: [UInt8]

    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures", isDirectory: true)
    }

    /// Every fixture of `vendor`, by name.
    static func all(_ vendor: String) throws -> [ShippedFixture] {
        let folder = directory.appendingPathComponent(vendor, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.compactMap { file -> ShippedFixture? in
            guard !file.hasSuffix(".line.json") else { return nil }
            let url = folder.appendingPathComponent(file)
            let base = url.deletingPathExtension().lastPathComponent
            let contentType = switch url.pathExtension {
            case "form": "application/x-www-form-urlencoded"
            case "jwt": "application/jwt"
            default: "application/json"
            }
            var body = try [UInt8](Data(contentsOf: url))
            while body.last == 0x0A { body.removeLast() }
            let line = try [UInt8](Data(contentsOf: folder.appendingPathComponent(base + ".line.json")))
            return ShippedFixture(vendor: vendor, name: base, body: body, contentType: contentType, expectedLine: line)
        }
    }

    var delivery: Delivery {
        Delivery(method: "POST", contentType: contentType, body: body, id: Mock.id, receivedAt: Mock.receivedAt,
                 route: "test", source: Mock.source)
    }
}

/// Compares a line with the expected one field by field (key order is free), so that a
/// failure names the field: `zoom/callee_ended: to.name`.
func assertLine(_ line: [UInt8], _ expected: [UInt8], _ label: String, ignoring: Set<String> = [],
                file: StaticString = #filePath, line number: UInt = #line) {
    guard let actual = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
          let want = (try? JSONSerialization.jsonObject(with: Data(expected))) as? [String: Any] else {
        return XCTFail("\(label): a line is not a JSON object", file: file, line: number)
    }
    XCTAssertEqual(Set(actual.keys), Set(want.keys), "\(label): the fields", file: file, line: number)
    for (key, value) in want.sorted(by: { $0.key < $1.key }) where !ignoring.contains(key) {
        XCTAssertEqual(actual[key].map { $0 as? NSObject ?? NSNull() }, value as? NSObject ?? NSNull(),
                       "\(label): \(key)", file: file, line: number)
    }
}

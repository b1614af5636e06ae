import XCTest
@testable import CallEvents
import TestSupport
import TestKit

/// Random and mutated input: no crash, only 415/422 failures with short messages, and any success
/// writes back to JSON that parses to the same value.
final class PayloadRobustnessTests: XCTestCase {
    /// Any success must write back to JSON that parses to the same value.
    private func checkRoundTrip(_ result: Result<JSONValue, DecodeFailure>, file: StaticString = #filePath, line: UInt = #line) {
        switch result {
        case .success(let value):
            var writer = JSONWriter()
            writer.value(value)
            XCTAssertEqual(try? JSONParser.parse(writer.bytes).get(), value, file: file, line: line)
        case .failure(let failure):
            XCTAssertFalse(failure.message.isEmpty, file: file, line: line)
            XCTAssertLessThan(failure.message.utf8.count, 160, file: file, line: line)
        }
    }

    func testRandomBytesNeverCrash() {
        var random = SplitMix64(seed: 0x5EED)
        let alphabet = Array(#"{}[]":,.-+eE0123456789 \tntrufalse\u&=%\"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xE9, 0xFF, 0xED, 0xF0]
        let types: [String?] = [nil, "application/json", "application/x-www-form-urlencoded", "text/plain",
                                "multipart/form-data; boundary=b"]
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<64, using: &random)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            checkRoundTrip(JSONParser.parse(bytes))
            checkRoundTrip(Payload.decodeBody(bytes, contentType: types.randomElement(using: &random)!))
        }
    }

    func testMutatedJSONNeverCrashes() {
        var random = SplitMix64(seed: 42)
        let seeds = VendorFixtures.validJSON.map { Array($0.utf8) }
            + [Array(#"{"a":[1,-2.5e3,{"b":"\u00e9\ud83d\ude00\n"}],"c":null,"d":true}"#.utf8)]
        for _ in 0..<2000 {
            var bytes = seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(bytes[Int.random(in: 0..<bytes.count, using: &random)], at: at)
                default: bytes.removeSubrange(at...)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            checkRoundTrip(JSONParser.parse(bytes))
            checkRoundTrip(Payload.decodeBody(bytes, contentType: "application/json"))
        }
    }

    func testMutatedMultipartNeverCrashes() {
        var random = SplitMix64(seed: 7)
        let seed = Array("pre\r\n--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"f\"\r\n\r\nx\r\n--b\nContent-Disposition: form-data; name=b\n\n\n--b--".utf8)
        for _ in 0..<2000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                if Bool.random(using: &random) { bytes[at] = UInt8.random(in: 0...255, using: &random) } else { bytes.remove(at: at) }
            }
            checkRoundTrip(Payload.decodeBody(bytes, contentType: "multipart/form-data; boundary=b"))
        }
    }
}

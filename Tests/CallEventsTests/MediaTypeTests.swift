import XCTest
@testable import CallEvents

final class MediaTypeTests: XCTestCase {
    func testEssenceIsLowercased() {
        XCTAssertEqual(MediaType("Application/JSON")?.essence, "application/json")
        XCTAssertEqual(MediaType("  text/plain  ")?.essence, "text/plain")
    }

    func testParameters() {
        let type = MediaType(#"multipart/form-data ; Charset=UTF-8;boundary="a;b \"c\"" ; x=1"#)
        XCTAssertEqual(type?.essence, "multipart/form-data")
        XCTAssertEqual(type?.parameter("charset"), "UTF-8")
        XCTAssertEqual(type?.parameter("boundary"), #"a;b "c""#)
        XCTAssertEqual(type?.parameter("x"), "1")
        XCTAssertNil(type?.parameter("y"))
    }

    func testMalformedParametersAreSkipped() {
        let type = MediaType("text/plain; ; junk; =x; a=1;")
        XCTAssertEqual(type?.parameters.map(\.name), ["a"])
    }

    func testUnterminatedQuotedValueRunsToTheEnd() {
        XCTAssertEqual(MediaType(#"multipart/form-data; boundary="abc"#)?.parameter("boundary"), "abc")
    }

    func testNotAMediaType() {
        // RFC 9110 §8.3.1: `type "/" subtype`, both tokens.
        for bad in ["", "json", "text/", "/plain", "text /plain", "text/pl ain", "tëxt/plain", "text/plain x"] {
            XCTAssertNil(MediaType(bad), bad)
        }
    }

    func testJoinedDuplicateHeaderTakesTheFirstValue() {
        XCTAssertEqual(MediaType("application/json, application/json")?.essence, "application/json")
    }

    func testJSONFamily() {
        XCTAssertTrue(MediaType("application/json")!.isJSON)
        XCTAssertTrue(MediaType("application/problem+json")!.isJSON)
        XCTAssertFalse(MediaType("application/jsonl")!.isJSON)
        XCTAssertFalse(MediaType("text/json+xml")!.isJSON)
    }

    func testSanitized() {
        XCTAssertEqual(MediaType.sanitized("a\r\nb\u{0}é"), "a??b???")
        XCTAssertEqual(MediaType.sanitized(String(repeating: "x", count: 150)), String(repeating: "x", count: 100) + "...")
        XCTAssertEqual(MediaType.sanitized(String(repeating: "x", count: 100)), String(repeating: "x", count: 100))
    }

    func testContentDispositionParameters() {
        let line = Array(#"Content-Disposition: form-data; name="caller name"; filename*=x; FILENAME=a.txt"#.utf8)
        let parameters = line.withUnsafeBufferPointer { HeaderParameters.parse($0, from: 0) }
        XCTAssertEqual(parameters.map(\.name), ["name", "filename*", "filename"])
        XCTAssertEqual(parameters.map(\.value), ["caller name", "x", "a.txt"])
    }

    func testCommonTypesAgreeWithTheFullParse() {
        let headers = ["application/json", "Application/JSON; charset=utf-8", " application/json ", "application/json,x/y",
                       "application/vnd.api+json", "APPLICATION/PROBLEM+JSON;q=1", "application/x-www-form-urlencoded",
                       "application/X-WWW-Form-Urlencoded ; charset=UTF-8", "text/plain", "TEXT/PLAIN;", "text/plain x",
                       "multipart/form-data; boundary=b", "text/html", "application/jsonl", "+json/x", "a/+json",
                       "application/json x", "application /json", "", " ", "json", "tëxt/plain", "text/plain\u{0}"]
        for header in headers {
            let full = MediaType(header)
            let expected: MediaType.Common? = switch full?.essence {
            case _ where full?.isJSON == true: .json
            case "application/x-www-form-urlencoded"?: .form
            case "text/plain"?: .text
            default: nil
            }
            XCTAssertEqual(MediaType.common(header), expected, header)
        }
    }
}

import XCTest

/// The checker of the exposition format must refuse what a scraper would refuse, or the
/// `/metrics` tests prove nothing.
final class ExpositionTextTests: XCTestCase {
    let good = """
        # HELP a_total A.
        # TYPE a_total counter
        a_total{x="1"} 2
        # TYPE h histogram
        h_bucket{le="0.1"} 1
        h_bucket{le="1"} 3
        h_bucket{le="+Inf"} 4
        h_sum 2.5
        h_count 4

        """

    func testAWellFormedText() throws {
        let parsed = try ExpositionText.parse(good)
        XCTAssertEqual(parsed.value("a_total", ["x": "1"]), 2)
        XCTAssertEqual(parsed.value("h_count"), 4)
    }

    func assertRefused(_ text: String, _ why: String, line: UInt = #line) {
        XCTAssertThrowsError(try ExpositionText.parse(text), why, line: line)
    }

    func testRefusesMalformedLines() {
        assertRefused("# TYPE a_total counter\na_total{x=\"1\" 2\n", "unterminated labels")
        assertRefused("# TYPE a_total counter\na_total{x=1} 2\n", "unquoted label value")
        assertRefused("# TYPE a_total counter\na_total two\n", "value not a number")
        assertRefused("# TYPE a_total counter\na_total 2", "no final newline")
        assertRefused("# TYPE a_total counter\n\na_total 2\n", "empty line")
        assertRefused("# TYPE a_total counter\na_total{x=\"\\q\"} 2\n", "bad escape")
    }

    func testRefusesMisplacedOrMissingMetadata() {
        assertRefused("a_total 2\n", "no TYPE")
        assertRefused("# TYPE a_total counter\na_total 2\n# HELP a_total late\n", "HELP after samples")
        assertRefused("# TYPE a_total counter\n# TYPE a_total counter\na_total 2\n", "TYPE twice")
        assertRefused("# TYPE a counter\na 2\n", "counter without _total")
        assertRefused("# TYPE a_total counter\n# TYPE b gauge\na_total{x=\"1\"} 1\nb 1\na_total{x=\"2\"} 1\n", "family split")
        assertRefused("# TYPE a_total counter\na_total 1\na_total 2\n", "series twice")
    }

    func testRefusesBrokenHistograms() {
        assertRefused(good.replacingOccurrences(of: "h_bucket{le=\"1\"} 3", with: "h_bucket{le=\"1\"} 0"), "not cumulative")
        assertRefused(good.replacingOccurrences(of: "h_bucket{le=\"+Inf\"} 4\n", with: ""), "no +Inf")
        assertRefused(good.replacingOccurrences(of: "h_count 4", with: "h_count 5"), "+Inf is not the count")
        assertRefused(good.replacingOccurrences(of: "h_sum 2.5\n", with: ""), "no sum")
        assertRefused(good.replacingOccurrences(of: "le=\"0.1\"", with: "le=\"2\""), "le not ascending")
    }
}

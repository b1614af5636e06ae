import XCTest
@testable import HTTPServer

/// Sources/HTTPServer/Parsing/ProxyHeaderParser.swift against HAProxy's proxy-protocol.txt:
/// the header lines and byte layouts are the document's own examples.
final class ProxyHeaderParserTests: XCTestCase {
    private let any = ProxyHeaderParser(accepting: .any)

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The same answer fed whole and fed one byte at a time (needMoreData until it is known).
    private func parse(_ input: [UInt8], _ parser: ProxyHeaderParser? = nil,
                       file: StaticString = #filePath, line: UInt = #line) -> ProxyHeaderParser.Result {
        let parser = parser ?? any
        let whole = parser.parse(input)
        var incremental = ProxyHeaderParser.Result.needMoreData
        for end in 1...max(1, input.count) {
            incremental = parser.parse(input[..<end])
            if incremental != .needMoreData { break }
        }
        if case .invalid = whole, case .invalid = incremental {} else {
            XCTAssertEqual(incremental, whole, "byte by byte and whole agree", file: file, line: line)
        }
        return whole
    }

    private func proxied(_ version: Int, _ source: String, _ sourcePort: Int, _ destination: String,
                         _ destinationPort: Int) -> ProxyHeader {
        ProxyHeader(version: version, source: .init(address: source, port: sourcePort),
                    destination: .init(address: destination, port: destinationPort))
    }

    private func isInvalid(_ result: ProxyHeaderParser.Result) -> Bool {
        if case .invalid = result { return true }
        return false
    }

    // MARK: - v1 (§2.1)

    func testV1TCP4FromTheDocument() {
        let header = bytes("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n")
        XCTAssertEqual(parse(header + bytes("GET / HTTP/1.1\r\n")),
                       .header(proxied(1, "192.168.0.1", 56324, "192.168.0.11", 443), length: header.count))
    }

    func testV1WorstCaseTCP4AndTCP6AndUnknown() {
        let tcp4 = bytes("PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n")
        XCTAssertEqual(tcp4.count, 56, "§2.1: the worst TCP4 line is 56 bytes")
        XCTAssertEqual(parse(tcp4), .header(proxied(1, "255.255.255.255", 65535, "255.255.255.255", 65535), length: 56))

        let ffff = Array(repeating: "ffff", count: 8).joined(separator: ":")
        let tcp6 = bytes("PROXY TCP6 \(ffff) \(ffff) 65535 65535\r\n")
        XCTAssertEqual(tcp6.count, 104, "§2.1: the worst TCP6 line is 104 bytes")
        XCTAssertEqual(parse(tcp6), .header(proxied(1, ffff, 65535, ffff, 65535), length: 104))

        XCTAssertEqual(parse(bytes("PROXY UNKNOWN\r\n")), .header(ProxyHeader(version: 1, source: nil, destination: nil), length: 15))
        let unknown = bytes("PROXY UNKNOWN \(ffff) \(ffff) 65535 65535\r\n")
        XCTAssertEqual(unknown.count, 107, "§2.1: the longest line a receiver must take")
        XCTAssertEqual(parse(unknown), .header(ProxyHeader(version: 1, source: nil, destination: nil), length: 107))
    }

    func testV1TCP6IsCanonicalisedAndMappedIPv4ShownAsIPv4() {
        let upper = bytes("PROXY TCP6 2001:DB8:0:0::7 2001:db8::1 5000 80\r\n")
        XCTAssertEqual(parse(upper), .header(proxied(1, "2001:db8::7", 5000, "2001:db8::1", 80), length: upper.count))
        let mapped = bytes("PROXY TCP6 ::ffff:203.0.113.7 ::1 5000 80\r\n")
        XCTAssertEqual(parse(mapped), .header(proxied(1, "203.0.113.7", 5000, "::1", 80), length: mapped.count))
    }

    func testV1Refusals() {
        let cases = [
            "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\n",      // §2.1: CRLF, not a bare LF
            "PROXY TCP4 192.168.0.1  192.168.0.11 56324 443\r\n",   // one space between fields
            "PROXY TCP4 192.168.0.1 192.168.0.11 56324\r\n",        // a field missing
            "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443 x\r\n",  // one too many
            "PROXY TCP4 2001:db8::1 192.168.0.11 56324 443\r\n",    // v6 address on TCP4
            "PROXY TCP6 192.168.0.1 ::1 56324 443\r\n",             // v4 address on TCP6
            "PROXY TCP4 192.168.0.1 192.168.0.11 65536 443\r\n",    // port over 65535
            "PROXY TCP4 192.168.0.1 192.168.0.11 0443 443\r\n",     // leading zero
            "PROXY TCP4 192.168.0.1 192.168.0.11 -1 443\r\n",
            "PROXY UDP4 192.168.0.1 192.168.0.11 56324 443\r\n",    // protocol not TCP4/TCP6/UNKNOWN
            "PROXY tcp4 192.168.0.1 192.168.0.11 56324 443\r\n",    // case matters
            "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\r\n",  // CR not followed by LF
            "proxy TCP4 192.168.0.1 192.168.0.11 56324 443\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\r\n",                     // no header at all
        ]
        for text in cases { XCTAssertTrue(isInvalid(parse(bytes(text))), text.debugDescription) }
        // §2.1: no CRLF within 107 bytes is refused without waiting for more.
        let long = bytes("PROXY UNKNOWN " + String(repeating: "a", count: 93))
        XCTAssertEqual(long.count, 107)
        XCTAssertTrue(isInvalid(any.parse(long)))
        XCTAssertEqual(any.parse(long.dropLast()), .needMoreData)
        XCTAssertTrue(isInvalid(any.parse(bytes("PROXY UNKNOWN " + String(repeating: "a", count: 92) + "\r\n"))),
                      "108 bytes with its CRLF")
    }

    func testV1RefusedAtTheFirstByteThatRulesItOut() {
        XCTAssertEqual(any.parse(bytes("PROX")), .needMoreData)
        XCTAssertTrue(isInvalid(any.parse(bytes("G"))))
        XCTAssertTrue(isInvalid(any.parse(bytes("PROXX"))))
        XCTAssertEqual(any.parse([]), .needMoreData)
    }

    /// A bare LF refuses the line whether or not a CR has arrived after it (a fuzzer found the
    /// answer changing with the last byte: refused on a prefix, "need more" on the whole).
    func testABareLFRefusesTheLineWhateverFollows() {
        let bare = bytes("PROXY TCP4 1.2.3.4\n5.6.7.8 1 2")
        XCTAssertTrue(isInvalid(parse(bare)))
        XCTAssertTrue(isInvalid(parse(bare + [0x0D])))
        XCTAssertTrue(isInvalid(parse(bare + [0x0D, 0x0A])))
    }

    // MARK: - v2 (§2.2)

    private let signature = ProxyHeaderParser.v2Signature

    /// Signature, version/command, family/transport, length, then `rest`.
    private func v2(command: UInt8 = 0x21, family: UInt8, length: Int? = nil, _ rest: [UInt8]) -> [UInt8] {
        let length = length ?? rest.count
        return signature + [command, family, UInt8(length >> 8), UInt8(length & 0xFF)] + rest
    }

    func testV2ProxyTCP4() {
        // 203.0.113.7:51234 -> 192.0.2.10:443
        let addresses: [UInt8] = [203, 0, 113, 7, 192, 0, 2, 10, 0xC8, 0x22, 0x01, 0xBB]
        let header = v2(family: 0x11, addresses)
        XCTAssertEqual(parse(header + bytes("POST / HTTP/1.1\r\n")),
                       .header(proxied(2, "203.0.113.7", 51234, "192.0.2.10", 443), length: 28))
    }

    func testV2ProxyTCP6AndTLVsSkipped() {
        var source = [UInt8](repeating: 0, count: 16); source[0] = 0x20; source[1] = 0x01; source[2] = 0x0d; source[3] = 0xb8; source[15] = 7
        var destination = [UInt8](repeating: 0, count: 16); destination[15] = 1
        // §2.2.1: PP2_TYPE_ALPN "h2" and PP2_TYPE_NOOP with 3 bytes, after the addresses.
        let tlvs: [UInt8] = [0x01, 0x00, 0x02, 0x68, 0x32, 0x04, 0x00, 0x03, 0, 0, 0]
        let header = v2(family: 0x21, source + destination + [0x13, 0x88, 0x00, 0x50] + tlvs)
        XCTAssertEqual(header.count, 16 + 36 + 11)
        XCTAssertEqual(parse(header), .header(proxied(2, "2001:db8::7", 5000, "::1", 80), length: 63))
    }

    func testV2LocalKeepsTheSocketAddresses() {
        // §2.2: LOCAL (a health check); a proxy may still send an address block, which is ignored.
        XCTAssertEqual(parse(v2(command: 0x20, family: 0x00, [])),
                       .header(ProxyHeader(version: 2, source: nil, destination: nil), length: 16))
        XCTAssertEqual(parse(v2(command: 0x20, family: 0x11, [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 0, 2])),
                       .header(ProxyHeader(version: 2, source: nil, destination: nil), length: 28))
    }

    func testV2UnspecAndUnixAreAcceptedWithoutAnAddress() {
        XCTAssertEqual(parse(v2(family: 0x00, [])), .header(ProxyHeader(version: 2, source: nil, destination: nil), length: 16))
        XCTAssertEqual(parse(v2(family: 0x31, [UInt8](repeating: 0x2F, count: 216))),
                       .header(ProxyHeader(version: 2, source: nil, destination: nil), length: 232))
    }

    func testV2Refusals() {
        let four: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 0, 2]
        XCTAssertTrue(isInvalid(parse(v2(command: 0x11, family: 0x11, four))), "version 1 in the binary form")
        XCTAssertTrue(isInvalid(parse(v2(command: 0x22, family: 0x11, four))), "command 2")
        XCTAssertTrue(isInvalid(parse(v2(family: 0x11, Array(four.prefix(11))))), "length shorter than the INET block")
        XCTAssertTrue(isInvalid(parse(v2(family: 0x21, four))), "length shorter than the INET6 block")
        XCTAssertTrue(isInvalid(parse(v2(family: 0x41, four))), "family 4")
        XCTAssertTrue(isInvalid(parse(v2(family: 0x13, four))), "transport 3")
        XCTAssertTrue(isInvalid(any.parse(v2(family: 0x11, length: 5_000, four))), "over the length limit, refused at once")
        var wrong = v2(family: 0x11, four); wrong[11] = 0x0B
        XCTAssertTrue(isInvalid(parse(wrong)), "signature")
        XCTAssertEqual(any.parse(v2(family: 0x11, four).prefix(20)), .needMoreData)
        XCTAssertEqual(any.parse(signature.prefix(5)), .needMoreData)
    }

    func testModesAcceptOnlyTheirVersion() {
        let v1 = bytes("PROXY UNKNOWN\r\n")
        let v2 = v2(family: 0x00, [])
        XCTAssertTrue(isInvalid(ProxyHeaderParser(accepting: .v2).parse(v1)))
        XCTAssertTrue(isInvalid(ProxyHeaderParser(accepting: .v1).parse(v2)))
        XCTAssertFalse(isInvalid(ProxyHeaderParser(accepting: .v1).parse(v1)))
        XCTAssertFalse(isInvalid(ProxyHeaderParser(accepting: .v2).parse(v2)))
    }
}

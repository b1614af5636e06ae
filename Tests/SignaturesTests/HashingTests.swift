import Foundation
import XCTest
@testable import Signatures

final class HashingTests: XCTestCase {
    private func hex<H: HashFunction>(_ type: H.Type, _ text: String) -> String { Hex.encode(H.hash(Array(text.utf8))) }

    // FIPS 180-4 examples (csrc.nist.gov "Examples with Intermediate Values"): "abc" and the
    // two-block messages.
    func testFIPS180Examples() {
        let two56 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        let two112 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(hex(SHA1.self, "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hex(SHA1.self, two56), "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(hex(SHA256.self, "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(SHA256.self, two56), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex(SHA256.self, ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex(SHA512.self, "abc"), "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        XCTAssertEqual(hex(SHA512.self, two112), "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    }

    // FIPS 180-4 / NIST: one million "a", fed in uneven pieces to cross every block boundary.
    func testMillionAInPieces() {
        let a = [UInt8](repeating: 0x61, count: 1_000_000)
        var sha1 = SHA1(), sha256 = SHA256(), sha512 = SHA512()
        var offset = 0, step = 1
        while offset < a.count {
            let piece = a[offset..<min(a.count, offset + step)]
            sha1.update(piece); sha256.update(piece); sha512.update(piece)
            offset += step
            step = step * 7 % 1000 + 1
        }
        XCTAssertEqual(Hex.encode(sha1.finalize()), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        XCTAssertEqual(Hex.encode(sha256.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(Hex.encode(sha512.finalize()), "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b")
    }

    // RFC 4231 §4.2, 4.3, 4.7 (a key longer than the block), 4.8.
    func testRFC4231() {
        let cases: [(key: [UInt8], data: [UInt8], sha256: String, sha512: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
             "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
             "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
            ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
             "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
            ([UInt8](repeating: 0xaa, count: 131), Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
             "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"),
        ]
        for (key, data, sha256, sha512) in cases {
            XCTAssertEqual(Hex.encode(HMAC<SHA256>.authenticationCode(for: data, key: key)), sha256)
            XCTAssertEqual(Hex.encode(HMAC<SHA512>.authenticationCode(for: data, key: key)), sha512)
        }
    }

    // RFC 2202 §3, cases 1, 2 and 6.
    func testRFC2202() {
        XCTAssertEqual(Hex.encode(HMAC<SHA1>.authenticationCode(for: Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20))),
                       "b617318655057264e28bc0b6fb378c8ef146be00")
        XCTAssertEqual(Hex.encode(HMAC<SHA1>.authenticationCode(for: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))),
                       "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        XCTAssertEqual(Hex.encode(HMAC<SHA1>.authenticationCode(for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), key: [UInt8](repeating: 0xaa, count: 80))),
                       "aa4ae5e15272d00e95705637ce8a3b55ed402112")
    }

    func testPartsEqualTheWhole() {
        let mac = HMAC<SHA256>(key: Array("k".utf8))
        let a = Array("v0:1700000000:".utf8), b = Array(#"{"event":"x"}"#.utf8)
        let parts = a.withUnsafeBytes { ra in b.withUnsafeBytes { rb in mac.authenticationCode(forParts: [ra, rb]) } }
        XCTAssertEqual(parts, mac.authenticationCode(for: a + b))
    }

    /// Tests/SignaturesTests/Vectors/generate.py: hashlib and hmac on lengths 0...300 and
    /// multi-block messages.
    func testAgainstPythonVectors() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "hashes", withExtension: "json", subdirectory: "Vectors"))
        let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: String]])
        XCTAssertGreaterThan(cases.count, 300)
        for item in cases {
            let message = try XCTUnwrap(Hex.decode(item["message"]!.utf8)), key = try XCTUnwrap(Hex.decode(item["key"]!.utf8))
            let label = "length \(message.count)"
            XCTAssertEqual(Hex.encode(SHA1.hash(message)), item["sha1"], label)
            XCTAssertEqual(Hex.encode(SHA256.hash(message)), item["sha256"], label)
            XCTAssertEqual(Hex.encode(SHA512.hash(message)), item["sha512"], label)
            XCTAssertEqual(Hex.encode(HMAC<SHA1>.authenticationCode(for: message, key: key)), item["hmac_sha1"], label)
            XCTAssertEqual(Hex.encode(HMAC<SHA256>.authenticationCode(for: message, key: key)), item["hmac_sha256"], label)
            XCTAssertEqual(Hex.encode(HMAC<SHA512>.authenticationCode(for: message, key: key)), item["hmac_sha512"], label)
        }
    }
}

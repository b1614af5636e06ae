import Glibc
import Signatures

/// The signature checks alone, one thread: HMAC-SHA256 over a 1 KiB body (the key hashed each
/// time, and keyed once as a route's `HMACScheme` is at load), and Ed25519 verification.
/// Timed in this thread's CPU time, so other processes on a shared core do not lower the figure.
enum CryptoBenchmark {
    static func run(rounds: Int) {
        print("signatures, one thread, median of \(rounds) rounds")
        let body = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let key = Array("whsec_0123456789abcdef0123456789".utf8)
        let expected = HMAC<SHA256>.authenticationCode(for: body, key: key)
        report("HMAC-SHA256, 1 KiB body", iterations: 200_000, rounds: rounds) {
            ConstantTime.equals(HMAC<SHA256>.authenticationCode(for: body, key: key), expected)
        }
        // What a route's scheme does per request: the key was padded and hashed at load.
        let keyed = HMAC<SHA256>(key: key)
        report("HMAC-SHA256, 1 KiB body, keyed at load", iterations: 200_000, rounds: rounds) {
            ConstantTime.equals(keyed.authenticationCode(for: body), expected)
        }
        // RFC 8032 §7.1 TEST 2: a valid signature, verified from its encoded key each time.
        let publicKey = Hex.decode("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c".utf8)!
        let signature = Hex.decode("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00".utf8)!
        let key25519 = Ed25519.PublicKey(publicKey)!
        report("Ed25519 verify (key decoded once)", iterations: 5_000, rounds: rounds) {
            key25519.isValidSignature(signature, for: [0x72])
        }
        report("Ed25519 verify (key decoded each time)", iterations: 5_000, rounds: rounds) {
            Ed25519.PublicKey(publicKey)!.isValidSignature(signature, for: [0x72])
        }
    }

    private static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private static func report(_ name: String, iterations: Int, rounds: Int, _ check: () -> Bool) {
        var rates: [Double] = []
        for _ in 0..<rounds {
            let start = cpuSeconds()
            for _ in 0..<iterations where !check() { fatalError("\(name): a valid signature was refused") }
            rates.append(Double(iterations) / (cpuSeconds() - start))
        }
        print(pad(name, 40) + pad(format(median(rates)), 12, right: true) + " verifications/s")
    }
}

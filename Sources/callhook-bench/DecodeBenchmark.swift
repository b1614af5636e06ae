import CallEvents
import Glibc

/// Decoding alone, no I/O: payload bytes -> CallEvent -> log line, per vendor, on this thread.
enum DecodeBenchmark {
    /// `only`: the payloads whose name starts with it (a vendor's name), for profiling one.
    static func run(iterations: Int, rounds: Int, only: String? = nil) {
        print("decode + encode, one thread, \(iterations) events a round, median of \(rounds) rounds")
        for payload in BenchPayloads.all where only.map({ payload.name.hasPrefix($0) }) ?? true {
            var rates: [Double] = []
            var sink = 0
            for _ in 0..<rounds {
                let start = Stopwatch.now()
                for _ in 0..<iterations { sink &+= decodeOnce(payload) }
                rates.append(Double(iterations) / (Stopwatch.now() - start))
            }
            print(pad(payload.name, 30) + pad(format(median(rates)), 12, right: true) + " events/s"
                  + "   (line \(sink / (iterations * rounds)) bytes)")
        }
    }

    /// What the server does per delivery between reading the body and handing the line to the log.
    @inline(never)
    static func decodeOnce(_ payload: BenchPayloads.Payload) -> Int {
        let now = Timestamp(milliseconds: 1_795_000_000_000)
        let delivery = Delivery(
            method: payload.method, contentType: payload.contentType, body: Array(payload.body.utf8),
            query: payload.query.map { Array($0.utf8) }, hint: nil, id: EventID.make(now: now), receivedAt: now,
            route: payload.route, source: EventSource(addr: "127.0.0.1", userAgent: "bench"))
        guard case .success(let event) = CallEventDecoder.decode(delivery, as: .vendor(Vendor.named(payload.route)!)) else {
            fatalError("benchmark payload \(payload.name) did not decode")
        }
        return event.jsonLine().count
    }
}

/// Wall-clock seconds from CLOCK_MONOTONIC.
enum Stopwatch {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, decimals: Int = 0) -> String {
    if decimals == 0 { return String(Int(value.rounded())) }
    let scale = pow(10.0, Double(decimals))
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale), fraction = abs(scaled % Int(scale))
    let digits = String(fraction)
    return "\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

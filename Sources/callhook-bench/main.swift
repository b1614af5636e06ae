import Foundation

// callhook-bench: the numbers behind the README's "Performance" section.
//
//   callhook-bench decode                      decoding + line encoding per vendor, one core
//       [--only VENDOR] [--iterations N] [--rounds N] (one vendor's payloads, for a profiler)
//   callhook-bench crypto                      HMAC-SHA256 over 1 KiB and Ed25519 verification, one core
//   callhook-bench load [options]              the server under wrk (Debian's `wrk` package)
//       --fsync always|never  --payload json|form  --seconds N  --runs N
//       --loops N  --unpinned  --idle N  --no-nginx  --verify (hmac-sha256 on the route)
//       --verify-pairs N (N interleaved single runs without and with --verify, and the loss)
//       (per run: req/s, p99, CPU µs and context switches per request, lines per write, and
//       nginx `return 200` under the same wrk command for the CPU ratio)
//   callhook-bench stream [--streams N] [--seconds N]   deliveries with N /stream subscribers
//       (1,000): every event to every subscriber in order, lag p99, throughput vs no streams
//   callhook-bench stream --stalled [--streams N]   one subscriber that never reads among N
//       that do (100): what it costs the server, that it ends with `lag`, the others' lag
//   callhook-bench stats [--events N]          `callhook stats` over N generated events (1,000,000)
//   callhook-bench vendors [--count N]         compiling a config with N declared vendors (50)
//   callhook-bench all                         the whole table of the README

let arguments = Array(CommandLine.arguments.dropFirst())
let serverBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("callhook").path

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

func loadBenchmark() -> LoadBenchmark {
    var load = LoadBenchmark()
    load.fsync = option("--fsync") ?? load.fsync
    load.payload = option("--payload") == "form" ? BenchPayloads.urlNetworksHangup : BenchPayloads.impactPBXHangup
    load.seconds = option("--seconds").flatMap { Int($0) } ?? load.seconds
    load.runs = option("--runs").flatMap { Int($0) } ?? load.runs
    load.eventLoops = option("--loops").flatMap { Int($0) } ?? load.eventLoops
    load.idleConnections = option("--idle").flatMap { Int($0) } ?? 0
    load.pinned = !arguments.contains("--unpinned")
    load.compareWithNginx = !arguments.contains("--no-nginx")
    load.verify = arguments.contains("--verify")
    return load
}

do {
    switch arguments.first {
    case "decode":
        DecodeBenchmark.run(iterations: option("--iterations").flatMap { Int($0) } ?? 200_000,
                            rounds: option("--rounds").flatMap { Int($0) } ?? 5, only: option("--only"))
    case "crypto":
        CryptoBenchmark.run(rounds: 5)
    case "load":
        let load = loadBenchmark()
        if let pairs = option("--verify-pairs").flatMap({ Int($0) }) {
            print("load: \(load.payload.name), fsync \(load.fsync), verify against none, \(pairs) interleaved pairs")
            try load.compareVerify(pairs: pairs, serverBinary: serverBinary)
            break
        }
        print("load: \(load.payload.name), fsync \(load.fsync), \(load.eventLoops) event loop(s), "
              + (load.pinned ? "server on core 0, wrk on core 1" : "unpinned") + (load.verify ? ", verify hmac-sha256" : ""))
        try load.run(serverBinary: serverBinary)
    case "stream":
        var bench = StreamBenchmark()
        bench.streams = option("--streams").flatMap { Int($0) } ?? bench.streams
        bench.seconds = option("--seconds").flatMap { Int($0) } ?? bench.seconds
        if arguments.contains("--stalled") {
            try bench.runStalledReader(serverBinary: serverBinary, readers: option("--streams").flatMap { Int($0) } ?? 100)
        } else {
            try bench.run(serverBinary: serverBinary)
        }
    case "vendors":
        VendorsBenchmark.run(count: option("--count").flatMap { Int($0) } ?? 50, rounds: 11)
    case "stats":
        try StatsBenchmark.run(callhook: serverBinary, events: option("--events").flatMap { Int($0) } ?? 1_000_000)
    case "all":
        DecodeBenchmark.run(iterations: 200_000, rounds: 5)
        VendorsBenchmark.run(count: 50, rounds: 11)
        for (fsync, payload) in [("always", BenchPayloads.impactPBXHangup), ("always", BenchPayloads.urlNetworksHangup),
                                 ("never", BenchPayloads.impactPBXHangup), ("never", BenchPayloads.urlNetworksHangup)] {
            var load = LoadBenchmark()
            load.fsync = fsync
            load.payload = payload
            print("load: \(payload.name), fsync \(fsync), pinned")
            try load.run(serverBinary: serverBinary)
        }
        var idle = LoadBenchmark()
        idle.idleConnections = 10_000
        print("load: 10,000 idle connections open, impactpbx, fsync always, pinned")
        try idle.run(serverBinary: serverBinary)
        var unpinned = LoadBenchmark()
        unpinned.pinned = false
        unpinned.eventLoops = 2
        unpinned.fsync = "never"
        print("load: both cores, 2 event loops, fsync never, unpinned")
        try unpinned.run(serverBinary: serverBinary)
    default:
        print("usage: callhook-bench decode | vendors [--count N] | stats [--events N] | load [--fsync always|never] [--payload json|form] [--seconds N] [--runs N] [--loops N] [--unpinned] [--idle N] [--no-nginx] [--verify] [--verify-pairs N] | all")
        exit(arguments.isEmpty ? 0 : 2)
    }
} catch {
    FileHandle.standardError.write(Data("callhook-bench: \(error)\n".utf8))
    exit(1)
}

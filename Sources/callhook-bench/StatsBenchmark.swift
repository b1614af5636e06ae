import CallEvents
import Foundation
import Glibc

/// `callhook stats` over a generated log: wall time, CPU time and peak memory of the real
/// binary, at two sizes so memory can be seen not to follow the file.
enum StatsBenchmark {
    static func run(callhook: String, events: Int) throws {
        for count in [events / 5, events] {
            let path = NSTemporaryDirectory() + "callhook-stats-bench-\(getpid()).jsonl"
            defer { unlink(path) }
            let bytes = try generate(events: count, to: path)
            var before = rusage(), after = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &before)
            let start = Stopwatch.now()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: callhook)
            process.arguments = ["stats", "--by", "vendor", path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let wall = Stopwatch.now() - start
            getrusage(RUSAGE_CHILDREN.rawValue, &after)
            let cpu = seconds(after.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_utime) - seconds(before.ru_stime)
            print("stats: " + pad(format(Double(count)), 10, right: true) + " events ("
                  + format(Double(bytes) / 1_048_576) + " MiB): " + format(wall, decimals: 2) + " s wall, "
                  + format(cpu, decimals: 2) + " s CPU, peak RSS " + format(Double(after.ru_maxrss) / 1024) + " MiB"
                  + (process.terminationStatus == 0 ? "" : "  (exit \(process.terminationStatus))"))
        }
    }

    private static func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }

    /// Calls of four events (ringing, answered, a redelivered answered, hangup) spread over
    /// vendors, routes and extensions, with a payload in `raw` the size of a real one.
    static func generate(events: Int, to path: String) throws -> Int {
        guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        let vendors = ["voipnow", "urlnetworks", "voipstudio", "impactpbx"]
        var written = 0
        var w = JSONWriter(capacity: 1 << 20)
        let base = Timestamp(milliseconds: 1_700_000_000_000).milliseconds
        for n in 0..<events {
            let call = n / 4, step = n % 4
            let vendor = vendors[call % 4]
            let at = Timestamp(milliseconds: base + Int64(call) * 700 + Int64(step) * 9_000).rfc3339
            let type = ["call.ringing", "call.answered", "call.answered", "call.hangup"][step]
            let answered = call % 3 != 0
            w.raw(#"{"id":"#); w.string("0190\(String(n, radix: 16))")
            w.raw(#","received_at":"#); w.string(at)
            w.raw(#","route":"#); w.string(vendor + "-main")
            w.raw(#","vendor":"#); w.string(vendor)
            w.raw(#","type":"#); w.string(step == 3 && !answered ? "call.hangup" : type)
            w.raw(#","vendor_event":"#); w.string(type)
            w.raw(#","key":"#); w.string("k\(call)-\(step == 2 ? 1 : step)")
            w.raw(#","call_id":"#); w.string("call-\(call)")
            w.raw(#","direction":"inbound","from":{"number":"+4420790\(call % 10_000)","name":"Caller \(call % 97)"}"#)
            w.raw(#","to":{"number":"+442071234567","name":null},"extension":"#); w.string(String(200 + call % 40))
            w.raw(#","outcome":"#); w.string(step == 3 ? (answered ? "answered" : "no_answer") : nil)
            w.raw(#","cause":null,"occurred_at":"#); w.string(at)
            w.raw(#","started_at":null,"answered_at":null,"ended_at":null,"duration_seconds":null,"talk_seconds":"#)
            w.integer(step == 3 && answered ? 30 + call % 300 : nil)
            w.raw(#","recording":null,"source":{"addr":"203.0.113.7","user_agent":"PBX/1.0"},"raw":{"CallID":"#)
            w.string("call-\(call)")
            w.raw(#","CallFlow":"IN","CallStatus":"ANSWER","CallerID":"+44207900","CalledExtension":"201","#)
            w.raw(#""Timestamp":"1700000000","AccountID":"12345","Queue":"support","Notes":"a payload of about a real size"},"query":null}"#)
            w.raw("\n")
            if w.bytes.count > (1 << 20) - 4096 {
                written += w.bytes.count
                _ = w.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
                w.bytes.removeAll(keepingCapacity: true)
            }
        }
        written += w.bytes.count
        _ = w.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        return written
    }
}

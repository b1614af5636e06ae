import Foundation
import Glibc
import CEpoll

/// `/stream` under load: deliveries from wrk (fsync always) with no streams, then again with
/// `streams` subscribers open. Every subscriber must get every event in log order (checked by a
/// running hash of the ids against the log's); lag is from the event's `received_at` (taken
/// before the write and its fsync, so an upper bound on "200 to subscriber") to the moment a
/// subscriber has read it, sampled on ten subscribers.
struct StreamBenchmark {
    var streams = 1_000
    var seconds = 5
    var connections = 16

    func run(serverBinary: String) throws {
        let dir = try TemporaryDirectory()
        let payload = BenchPayloads.impactPBXHangup
        try """
        {"listen":"127.0.0.1:0","event_log":"events.jsonl","rejects_log":"rejects.jsonl","fsync":"always",
         "dedupe_window":0,"limits":{"max_connections":20000,"max_streams":\(streams + 10),"idle_timeout_ms":600000},
         "routes":[{"name":"\(payload.route)","path":"/hooks/\(payload.route)","vendor":"\(payload.route)"}]}
        """.write(toFile: dir.path + "/config.json", atomically: true, encoding: .utf8)
        let script = try Wrk.script(payload: payload, in: dir.path)
        Limits.raiseOpenFiles(to: 65_536)
        let server = try ServerProcess.start(binary: serverBinary, config: dir.path + "/config.json", cpu: nil)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/hooks/\(payload.route)"

        let alone = Wrk.parse(try Wrk.run(url: url, script: script, seconds: seconds, connections: connections, cpu: nil))
        let readers = try Subscribers(count: streams, port: server.port)
        // Counted once the subscribers are open: a line of the first load still in flight when
        // it ended lands before they connect, and no subscriber is owed it.
        let before = Self.logIDs(dir.path + "/events.jsonl").count
        let withStreams = Wrk.parse(try Wrk.run(url: url, script: script, seconds: seconds, connections: connections, cpu: nil))
        let all = Self.logIDs(dir.path + "/events.jsonl")
        let ids = Array(all[before...])
        let complete = readers.wait(forEach: ids.count, seconds: 60)
        readers.stop()
        // Each subscriber's ids must be one run of the log's, from the first id it read: the
        // log is read again now, since lines still in flight when wrk stopped came after `all`.
        let final = Self.logIDs(dir.path + "/events.jsonl")
        let position = Dictionary(final.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let inOrder = zip(readers.hashes, readers.firstIDs).filter { hash, first in
            guard let first, let start = position[first], start + hash.count <= final.count, hash.count >= ids.count else { return false }
            var h = Subscribers.Hash()
            for id in final[start..<(start + hash.count)] { h.add(id) }
            return h == hash
        }.count
        let lags = readers.lags.sorted()
        func percentile(_ p: Double) -> Double { lags.isEmpty ? 0 : lags[min(lags.count - 1, Int(Double(lags.count) * p))] }
        print("stream: \(streams) subscribers, fsync always, wrk \(connections) connections × \(seconds) s")
        print("  no streams:   \(format(alone.requestsPerSecond)) deliveries/s, p99 \(format(alone.p99Milliseconds, decimals: 2)) ms")
        print("  with streams: \(format(withStreams.requestsPerSecond)) deliveries/s, p99 \(format(withStreams.p99Milliseconds, decimals: 2)) ms "
              + "(\(format(100 * withStreams.requestsPerSecond / max(alone.requestsPerSecond, 1), decimals: 1)) % of no streams)")
        print("  \(ids.count) events; \(complete ? "every" : "NOT every") subscriber got them all; \(inOrder)/\(streams) in log order; "
              + "\(readers.closedByServer) closed by the server (lag)")
        print("  lag received_at → subscriber: p50 \(format(percentile(0.5), decimals: 1)) ms, p99 \(format(percentile(0.99), decimals: 1)) ms, "
              + "max \(format(lags.last ?? 0, decimals: 1)) ms (\(lags.count) samples)")
    }

    /// A subscriber that stops reading, among `slowStreams` that read: it must cost the server at
    /// most `stream_buffer_bytes` (1 MiB here) and end with `event: lag`, and the readers' lag
    /// must not grow because of it. The same load runs without it and then with it.
    func runStalledReader(serverBinary: String, readers count: Int) throws {
        let dir = try TemporaryDirectory()
        let payload = BenchPayloads.impactPBXHangup
        try """
        {"listen":"127.0.0.1:0","event_log":"events.jsonl","rejects_log":"rejects.jsonl","fsync":"always",
         "dedupe_window":0,"limits":{"max_streams":\(count + 10),"stream_buffer_bytes":1048576,"idle_timeout_ms":600000},
         "routes":[{"name":"\(payload.route)","path":"/hooks/\(payload.route)","vendor":"\(payload.route)"}]}
        """.write(toFile: dir.path + "/config.json", atomically: true, encoding: .utf8)
        let script = try Wrk.script(payload: payload, in: dir.path)
        let server = try ServerProcess.start(binary: serverBinary, config: dir.path + "/config.json", cpu: nil)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/hooks/\(payload.route)"
        print("stream, one stalled subscriber: \(count) reading subscribers, fsync always, wrk \(connections) connections × \(seconds) s")
        for stalled in [false, true] {
            let readers = try Subscribers(count: count, port: server.port)
            let stall = stalled ? try StalledSubscriber(port: server.port) : nil
            let rssBefore = server.rssKiB()
            let run = Wrk.parse(try Wrk.run(url: url, script: script, seconds: seconds, connections: connections, cpu: nil))
            let rssAfter = server.rssKiB()
            readers.stop()
            let lags = readers.lags.sorted()
            let p99 = lags.isEmpty ? 0 : lags[min(lags.count - 1, Int(Double(lags.count) * 0.99))]
            print("  \(stalled ? "with it:   " : "without it:") \(format(run.requestsPerSecond)) deliveries/s, readers' lag p99 "
                  + "\(format(p99, decimals: 1)) ms, server RSS \(format(Double(rssAfter - rssBefore) / 1024, decimals: 1)) MiB more after the run")
            if let stall {
                let (bytes, closed) = stall.drain(seconds: 10)
                print("  the stalled one: \(closed ? "closed by the server" : "NOT closed") after \(format(Double(bytes.count) / 1_048_576, decimals: 2)) MiB, "
                      + "last message " + (String(decoding: bytes.suffix(400), as: UTF8.self).contains("event: lag") ? "`event: lag`" : "NOT `event: lag`"))
            }
        }
    }

    static func logIDs(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: #"{"id":""#)?.upperBound, let end = line[start...].firstIndex(of: "\"") else { return nil }
            return String(line[start..<end])
        }
    }
}

/// A `/stream` subscriber that sends its request and never reads, with a small receive buffer
/// so that it falls behind at once.
final class StalledSubscriber {
    private let fd: Int32

    init(port: Int) throws {
        guard let fd = Loopback.connect(port: port, receiveBuffer: 4096) else { throw BenchError("could not open the stalled stream") }
        self.fd = fd
        _ = Loopback.send("GET /stream HTTP/1.0\r\nHost: bench\r\n\r\n", to: fd)
    }

    deinit { close(fd) }

    /// Reads what the server left for it, until it closes or `seconds` pass.
    func drain(seconds: Double) -> (bytes: [UInt8], closed: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return (bytes, true) }
            bytes.append(contentsOf: chunk[..<n])
        }
        return (bytes, false)
    }
}

/// The subscribers: raw sockets read by one thread with `epoll`.
final class Subscribers: @unchecked Sendable {
    /// FNV-1a over the ids in the order read, and their count.
    struct Hash: Equatable {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            value = (value ^ 0x0A) &* 0x100_0000_01b3
            count += 1
        }
        mutating func add(_ id: String) { add(id.utf8) }
    }

    private var fds: [Int32] = []
    private var buffers: [[UInt8]]
    private(set) var hashes: [Hash]
    private(set) var lags: [Double] = []
    /// Which subscribers' connections the server closed while the load ran.
    private var closed: [Bool] = []
    var closedByServer: Int { lock.withLock { closed.filter { $0 }.count } }
    /// The first id each subscriber read, where its run of the log starts.
    private(set) var firstIDs: [String?] = []
    private let lock = NSLock()
    private var running = true
    private var thread: Thread?

    init(count: Int, port: Int) throws {
        buffers = Array(repeating: [], count: count)
        hashes = Array(repeating: Hash(), count: count)
        closed = Array(repeating: false, count: count)
        firstIDs = Array(repeating: nil, count: count)
        for _ in 0..<count {
            guard let fd = Loopback.connect(port: port) else { throw BenchError("could not open stream \(fds.count)") }
            _ = Loopback.send("GET /stream HTTP/1.0\r\nHost: bench\r\n\r\n", to: fd)
            fds.append(fd)
        }
        // Every stream's head before the load starts, so each is live for all of it.
        var chunk = [UInt8](repeating: 0, count: 4096)
        for (index, fd) in fds.enumerated() {
            while !buffers[index].contains(13) || !(String(decoding: buffers[index], as: UTF8.self).contains("\r\n\r\n")) {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { throw BenchError("stream \(index) closed before its head") }
                buffers[index].append(contentsOf: chunk[..<n])
            }
            let text = buffers[index]
            let end = (0..<(text.count - 3)).first { text[$0] == 13 && text[$0 + 1] == 10 && text[$0 + 2] == 13 && text[$0 + 3] == 10 }!
            buffers[index] = Array(text[(end + 4)...])
        }
        let thread = Thread { [self] in readLoop() }
        self.thread = thread
        thread.start()
    }

    func wait(forEach count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            // A subscriber the server closed will get no more: wait for the others only.
            let (done, all) = lock.withLock { () -> (Bool, Bool) in
                let got = hashes.indices.map { hashes[$0].count >= count }
                return (hashes.indices.allSatisfy { got[$0] || closed[$0] }, !got.contains(false))
            }
            if done { return all }
            usleep(50_000)
        }
        return false
    }

    func stop() {
        lock.withLock { running = false }
        usleep(100_000)
        fds.forEach { close($0) }
    }

    /// One epoll set for all the subscribers, so a wake-up costs what is ready, not a scan of
    /// a thousand descriptors; messages are found with `memmem`, not byte by byte.
    private func readLoop() {
        let epoll = epoll_create1(CEPOLL_CLOEXEC)
        defer { close(epoll) }
        for (index, fd) in fds.enumerated() { _ = cepoll_ctl(epoll, EPOLL_CTL_ADD, fd, CEPOLL_IN, UInt64(index)) }
        var events = [epoll_event](repeating: epoll_event(), count: 1024)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while lock.withLock({ running }) {
            let ready = epoll_wait(epoll, &events, Int32(events.count), 100)
            guard ready > 0 else { continue }
            let now = Date().timeIntervalSince1970 * 1000
            lock.lock()
            for slot in 0..<Int(ready) {
                let index = Int(cepoll_event_data(events, Int32(slot)))
                let n = chunk.withUnsafeMutableBytes { recv(fds[index], $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    // Closed by the server (a `lag`, or its stop): out of the set, or it is
                    // readable forever and the loop spins.
                    _ = cepoll_ctl(epoll, EPOLL_CTL_DEL, fds[index], 0, 0)
                    closed[index] = true
                    continue
                }
                guard n > 0 else { continue }
                buffers[index].append(contentsOf: chunk[..<n])
                consume(index, now: now)
            }
            lock.unlock()
        }
    }

    private static let idMarker = Array("id: ".utf8)
    private static let timeMarker = Array(#""received_at":""#.utf8)
    private static let messageEnd: [UInt8] = [10, 10]

    /// Takes whole messages off a subscriber's buffer: each `id: ` line into its hash. Called
    /// with `lock` held.
    private func consume(_ index: Int, now: Double) {
        let consumed = buffers[index].withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var start = 0
            while start < buffer.count,
                  let found = cepoll_memmem(base + start, buffer.count - start, Self.messageEnd, 2) {
                let end = UnsafeRawPointer(found) - base
                let message = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
                if message.starts(with: Self.idMarker), let lineEnd = message.firstIndex(of: 10) {
                    if firstIDs[index] == nil { firstIDs[index] = String(decoding: message[4..<lineEnd], as: UTF8.self) }
                    hashes[index].add(message[4..<lineEnd])
                    if index < 10, let at = Self.receivedAt(message) { lags.append(now - at) }
                }
                start = end + 2
            }
            return start
        }
        if consumed > 0 { buffers[index].removeFirst(consumed) }
    }

    /// `"received_at":"YYYY-MM-DDTHH:MM:SS.mmmZ"` as milliseconds since 1970.
    private static func receivedAt(_ message: UnsafeRawBufferPointer) -> Double? {
        // memmem, not the generic `firstRange(of:)`: this runs on every message of ten readers,
        // and the generic search made the reader the bottleneck it was meant to measure.
        guard let base = message.baseAddress,
              let found = cepoll_memmem(base, message.count, timeMarker, timeMarker.count) else { return nil }
        let start = UnsafeRawPointer(found) - base + timeMarker.count
        let text = Array(message[start..<min(message.count, start + 24)])
        func number(_ from: Int, _ count: Int) -> Int { text[from..<(from + count)].reduce(0) { $0 * 10 + Int($1) - 48 } }
        guard text.count >= 20 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(number(0, 4) - 1900); parts.tm_mon = Int32(number(5, 2) - 1); parts.tm_mday = Int32(number(8, 2))
        parts.tm_hour = Int32(number(11, 2)); parts.tm_min = Int32(number(14, 2)); parts.tm_sec = Int32(number(17, 2))
        var milliseconds = 0.0
        if text[19] == UInt8(ascii: "."), text.count >= 23 { milliseconds = Double(number(20, 3)) }
        return Double(timegm(&parts)) * 1000 + milliseconds
    }
}

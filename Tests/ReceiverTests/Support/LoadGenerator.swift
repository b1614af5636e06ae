import Foundation
import Glibc
import Synchronization
import System
import TestKit

/// Client threads sending fresh deliveries as fast as the server answers, each on a keep-alive
/// connection (reconnecting after an error), recording the id of every `200` they get.
///
/// ```swift
/// let load = LoadGenerator(port: server.port, threads: 8)
/// usleep(500_000)
/// let acknowledged = load.stop()
/// ```
final class LoadGenerator: Sendable {
    private let acknowledgedIDs = Locked<[String]>([])
    private let otherStatuses = Locked<[Int: Int]>([:])
    private let refused = Locked<[String]>([])
    private let errors = Locked<[String]>([])
    private let stopping = Atomic<Bool>(false)
    private let group = DispatchGroup()
    private let port: Int

    init(port: Int, threads: Int, requestTimeout: Double = 10) {
        self.port = port
        for index in 0..<threads {
            group.enter()
            Thread.detachNewThread { [self] in
                run(thread: index, timeout: requestTimeout)
                group.leave()
            }
        }
    }

    /// Stops the threads, waits for them, and returns every acknowledged id.
    @discardableResult
    func stop(seconds: Double = 15) -> [String] {
        stopping.store(true, ordering: .relaxed)
        _ = group.wait(timeout: .now() + seconds)
        return acknowledged
    }

    var acknowledged: [String] { acknowledgedIDs.withLock { $0 } }
    /// Responses other than `200`, by status.
    var statuses: [Int: Int] { otherStatuses.withLock { $0 } }
    /// The refs (`call_id`s) of deliveries answered with anything but a fresh `200`.
    var refusedRefs: [String] { refused.withLock { $0 } }
    /// Connection errors (expected once the server is killed).
    var connectionErrors: [String] { errors.withLock { $0 } }

    private func run(thread: Int, timeout: Double) {
        var sequence = 0
        while !stopping.load(ordering: .relaxed) {
            guard let client = try? HTTPTestClient(port: port, timeout: timeout) else {
                errors.withLock { $0.append("thread \(thread): connect failed") }
                usleep(10_000)
                continue
            }
            while !stopping.load(ordering: .relaxed) {
                sequence += 1
                let ref = "load-\(thread)-\(sequence)-\(UUID().uuidString.prefix(8).lowercased())"
                do {
                    try client.send(Requests.delivery(ref: ref))
                    let response = try client.readFinalResponse().final
                    if response.status == 200, response.json["duplicate"] == nil, let id = response.id {
                        acknowledgedIDs.withLock { $0.append(id) }
                    } else {
                        otherStatuses.withLock { $0[response.status, default: 0] += 1 }
                        refused.withLock { $0.append(ref) }
                    }
                    if response.closesConnection { break }
                } catch {
                    errors.withLock { $0.append("thread \(thread): \(error)") }
                    break
                }
            }
        }
    }
}

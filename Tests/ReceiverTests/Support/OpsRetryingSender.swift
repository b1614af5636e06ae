import Foundation
import Synchronization
import System
import TestKit

/// Senders that behave as PBXs do: each delivery is sent until it gets `200`, again on a `5xx`
/// or a connection error (on a fresh connection, after a short back-off), up to a bound; each on
/// a thread of its own, with unique deliveries until stopped.
///
/// ```swift
/// let sender = OpsRetryingSender.start(port: haproxy.port, clients: 4)
/// ...                                      // kill an instance, restart it
/// let result = sender.stop()               // acknowledged call ids, retries, given up
/// ```
final class OpsRetryingSender: Sendable {
    private let acknowledged = Locked<[String]>([])
    private let failures = Locked<[String]>([])
    private let retried = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)

    /// How often one delivery is tried before the sender gives up on it (a failure of the test).
    static let attempts = 50

    static func start(port: Int, clients: Int, prefix: String = "pbx") -> OpsRetryingSender {
        let sender = OpsRetryingSender()
        for client in 0..<clients {
            sender.running.add(1, ordering: .relaxed)
            Thread.detachNewThread {
                sender.run(port: port, name: "\(prefix)-\(client)")
                sender.running.subtract(1, ordering: .releasing)
            }
        }
        return sender
    }

    private func run(port: Int, name: String) {
        var sequence = 0
        var connection: HTTPTestClient?
        while !stopping.load(ordering: .relaxed) {
            let callID = "\(name)-\(sequence)"
            var delivered = false
            for attempt in 1...Self.attempts {
                if attempt > 1 {
                    retried.add(1, ordering: .relaxed)
                    usleep(UInt32(min(attempt, 10)) * 10_000)   // the sender's back-off, not a wait for a condition
                }
                do {
                    if connection == nil { connection = try HTTPTestClient(port: port, timeout: 5) }
                    let response = try connection!.request(OpsPayloads.unique(callID).request())
                    if response.header("Connection")?.lowercased() == "close" { connection = nil }
                    if response.status == 200 { delivered = true; break }
                    guard response.status >= 500 else {
                        failures.withLock { $0.append("\(callID): \(response)") }
                        return
                    }
                    connection = nil
                } catch {
                    connection = nil
                }
            }
            guard delivered else {
                failures.withLock { $0.append("\(callID): no 200 after \(Self.attempts) attempts") }
                return
            }
            acknowledged.withLock { $0.append(callID) }
            sequence += 1
        }
    }

    var acknowledgedCount: Int { acknowledged.withLock { $0.count } }

    /// Stops after the deliveries in flight are done; the call ids acknowledged, the number of
    /// retries, and the deliveries given up or refused for good.
    func stop() -> (callIDs: [String], retries: Int, failures: [String]) {
        stopping.store(true, ordering: .relaxed)
        let deadline = Date().addingTimeInterval(30)
        while running.load(ordering: .acquiring) > 0 && Date() < deadline { usleep(5_000) }
        return (acknowledged.withLock { $0 }, retried.load(ordering: .relaxed), failures.withLock { $0 })
    }
}

import Foundation
import Synchronization
import System
import TestKit

/// Clients sending unique deliveries on keep-alive connections until stopped, each on a
/// thread of its own; keeps the id of every delivery the server acknowledged.
///
/// ```swift
/// let load = OpsLoad.start(port: server.port, clients: 4)
/// ...                                  // rotate, signal, restart a proxy...
/// let result = load.stop()             // acknowledged ids and any failures
/// ```
final class OpsLoad: Sendable {
    private let acknowledged = Locked<[String]>([])
    private let failures = Locked<[String]>([])
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)

    static func start(port: Int, clients: Int, prefix: String = "load") -> OpsLoad {
        let load = OpsLoad()
        for client in 0..<clients {
            load.running.add(1, ordering: .relaxed)
            Thread.detachNewThread {
                load.run(port: port, name: "\(prefix)-\(client)")
                load.running.subtract(1, ordering: .releasing)
            }
        }
        return load
    }

    private func run(port: Int, name: String) {
        var sequence = 0
        var connection: HTTPTestClient?
        while !stopping.load(ordering: .relaxed) {
            do {
                if connection == nil { connection = try HTTPTestClient(port: port) }
                let response = try connection!.request(OpsPayloads.unique("\(name)-\(sequence)").request())
                guard response.status == 200, response.json["duplicate"] == nil, let id = response.id else {
                    failures.withLock { $0.append("\(name)-\(sequence): \(response)") }
                    return
                }
                acknowledged.withLock { $0.append(id) }
                sequence += 1
            } catch {
                failures.withLock { $0.append("\(name)-\(sequence): \(error)") }
                return
            }
        }
    }

    var acknowledgedCount: Int { acknowledged.withLock { $0.count } }

    /// Stops the clients after their request in flight; the ids acknowledged and the failures.
    func stop() -> (ids: [String], failures: [String]) {
        stopping.store(true, ordering: .relaxed)
        let deadline = Date().addingTimeInterval(10)
        while running.load(ordering: .acquiring) > 0 && Date() < deadline { usleep(5_000) }
        return (acknowledged.withLock { $0 }, failures.withLock { $0 })
    }
}

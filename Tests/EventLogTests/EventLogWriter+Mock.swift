import System
import Dispatch
import EventLog

/// The outcomes of appends, collected from the writer thread.
final class Outcomes: Sendable {
    private let results = Locked<[Result<Void, StorageError>]>([])
    private let group = DispatchGroup()

    var all: [Result<Void, StorageError>] { results.withLock { $0 } }
    var failures: [StorageError] {
        all.compactMap { if case .failure(let e) = $0 { return e } else { return nil } }
    }

    /// A completion that records its result; pair each with one `append`.
    func completion() -> @Sendable (Result<Void, StorageError>) -> Void {
        group.enter()
        return { result in
            self.results.withLock { $0.append(result) }
            self.group.leave()
        }
    }

    /// Waits for every completion handed out so far; false if they did not all arrive.
    func wait(seconds: Double = 30) -> Bool {
        group.wait(timeout: .now() + seconds) == .success
    }
}

extension EventLogWriter {
    /// Appends and waits for the completion (on the writer thread), returning its result.
    func appendAndWait(_ line: String) -> Result<Void, StorageError> {
        let outcome = Locked<Result<Void, StorageError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        append(Array(line.utf8)) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0! }
    }

    /// Appends a line whose completion holds the writer thread until `release` is signalled,
    /// so that everything appended meanwhile queues up as one batch. Returns once the writer
    /// is held.
    func holdWriter(release: DispatchSemaphore, line: String = "{\"gate\":true}") {
        let held = DispatchSemaphore(value: 0)
        append(Array(line.utf8)) { _ in
            held.signal()
            release.wait()
        }
        held.wait()
    }
}

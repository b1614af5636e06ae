import System
import CallEvents
import Dispatch
import EventLog

/// The event log, the rejects log and the dedupe window, opened in the order that loses
/// nothing: the rejects log first, so a torn tail cut from the event log has somewhere to go.
struct Storage: Sendable {
    let events: EventLogWriter
    let rejects: EventLogWriter
    let dedupe: DedupeIndex

    struct OpenError: Error, CustomStringConvertible {
        let description: String
    }

    static func open(_ configuration: Configuration) throws -> Storage {
        let rejects: EventLogWriter
        do {
            rejects = try EventLogWriter(path: configuration.rejectsLog, fsync: configuration.fsync)
        } catch {
            throw OpenError(description: "cannot open the rejects log \(configuration.rejectsLog): \(error)")
        }
        do {
            if let torn = try EventLogWriter.cutTornTail(path: configuration.eventLog) {
                try keepTornTail(torn, in: rejects, configuration: configuration)
                Diagnostics.log(.warning, "cut a partial line of \(torn.count) bytes from the end of the event log; kept in the rejects log")
            }
        } catch let error as OpenError {
            rejects.close()
            throw error
        } catch {
            rejects.close()
            throw OpenError(description: "cannot repair the event log \(configuration.eventLog): \(error)")
        }
        let events: EventLogWriter
        do {
            events = try EventLogWriter(path: configuration.eventLog, fsync: configuration.fsync)
        } catch {
            rejects.close()
            throw OpenError(description: "cannot open the event log \(configuration.eventLog): \(error)")
        }
        let dedupe = DedupeIndex(capacity: configuration.dedupeWindow)
        rebuild(dedupe, from: configuration.eventLog)
        return Storage(events: events, rejects: rejects, dedupe: dedupe)
    }

    func close() {
        events.close()
        rejects.close()
    }

    /// Writes the torn bytes to the rejects log and waits until they are on disk.
    private static func keepTornTail(_ torn: [UInt8], in rejects: EventLogWriter, configuration: Configuration) throws {
        let recorder = RejectsRecorder(log: rejects, redactor: SecretRedactor(secrets: configuration.secretTexts))
        let done = DispatchSemaphore(value: 0)
        let outcome = ResultBox()
        recorder.recordTornTail(torn, now: WallClock.now()) { result in
            outcome.set(result)
            done.signal()
        }
        done.wait()
        if case .failure(let error) = outcome.get() {
            throw OpenError(description: "cannot keep the torn tail of the event log in the rejects log: \(error)")
        }
    }

    /// Refills the dedupe window from the newest lines of the log, oldest first, so a restart
    /// does not forget the keys it has written.
    static func rebuild(_ dedupe: DedupeIndex, from path: String) {
        guard dedupe.capacity > 0, let lines = try? LogTail.lastLines(path: path, count: dedupe.capacity) else { return }
        // `lastLines` is oldest first already: the ring then forgets the oldest key first.
        for line in lines {
            if let (key, id) = LogLineFields.keyAndID(line) { dedupe.insert(key: key, id: id) }
        }
    }
}

/// Carries a result from the writer's thread to the waiting one.
private final class ResultBox: @unchecked Sendable {
    // Written before the semaphore is signalled, read after it is waited on.
    private var result: Result<Void, StorageError> = .success(())
    func set(_ value: Result<Void, StorageError>) { result = value }
    func get() -> Result<Void, StorageError> { result }
}

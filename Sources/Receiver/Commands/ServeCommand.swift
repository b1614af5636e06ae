import System
import Glibc
import CallEvents
import Dispatch
import EventLog
import HTTPServer
import Synchronization

/// `callhook serve`: load the config, repair and open the logs, rebuild the dedupe window,
/// listen, and run until SIGTERM/SIGINT (Documentation.docc/Receiver.md, "Operating").
enum ServeCommand {
    /// Exit status: 0 clean stop, 2 bad config, 1 anything else at start.
    static func run(_ options: CommandLineArguments.Serve) -> Int32 {
        // Before any thread starts, so every thread inherits the block (Runtime/Signals.swift).
        Signals.blockInEveryThread()
        let configuration: Configuration
        switch ConfigurationLoader.load(path: options.config, overrides: options.overrides) {
        case .failure(let errors):
            errors.messages.forEach { Diagnostics.log(.error, $0) }
            return 2
        case .success(let loaded):
            loaded.warnings.forEach { Diagnostics.log(.warning, $0) }
            configuration = loaded.configuration
        }

        let storage: Storage
        do {
            storage = try Storage.open(configuration)
        } catch {
            Diagnostics.log(.error, "\(error)")
            return 1
        }

        let app = ReceiverApp(configuration: configuration, eventLog: storage.events,
                              rejectsLog: storage.rejects, dedupe: storage.dedupe)
        app.rebuildLiveViews()
        let server: HTTPServer
        let address: String
        do {
            server = try HTTPServer(
                configuration: .init(host: configuration.listenHost, port: configuration.listenPort,
                                     limits: configuration.limits, eventLoops: configuration.eventLoops,
                                     proxyProtocol: configuration.listenProxyProtocol,
                                     trustsPeer: configuration.trustsPeer),
                handler: app)
            address = try server.start()
        } catch {
            Diagnostics.log(.error, "cannot listen on \(configuration.listen): \(error)")
            storage.close()
            return 1
        }
        app.attach(openConnections: { server.openConnections })
        let reloader = ConfigurationReloader(path: options.config, overrides: options.overrides,
                                             app: app, server: server)

        let stopped = DispatchSemaphore(value: 0)
        let stopping = Atomic<Bool>(false)
        do {
            try Signals.handle(
                onStop: { signo in
                    guard !stopping.exchange(true, ordering: .relaxed) else { return }
                    Diagnostics.log(.info, "signal \(signo): draining and stopping")
                    server.stop(drainMilliseconds: app.configuration.limits.drainTimeoutMilliseconds)
                    storage.close()
                    stopped.signal()
                },
                onReopen: {
                    storage.events.reopen()
                    storage.rejects.reopen()
                    Diagnostics.log(.info, "SIGHUP: reopening the logs")
                    reloader.reload()
                },
                onRotate: {
                    // One suffix for both logs, so a rotation's two files are found together.
                    let suffix = EventLogWriter.rotationSuffix(secondsSinceEpoch: time(nil))
                    for log in [storage.events, storage.rejects] {
                        let path = log.path
                        log.rotate(suffix: suffix) { result in
                            switch result {
                            case .success(let renamed?): Diagnostics.log(.info, "SIGUSR1: \(path) rotated to \(renamed)")
                            case .success(nil): Diagnostics.log(.info, "SIGUSR1: \(path) was already moved; reopened it")
                            case .failure(let error): Diagnostics.log(.error, "SIGUSR1: \(path) not rotated: \(error)")
                            }
                        }
                    }
                })
        } catch {
            Diagnostics.log(.error, "cannot wait for signals: \(error)")
            server.stop(drainMilliseconds: 0)
            storage.close()
            return 1
        }
        // Only now: a signal sent the moment this line appears is pending and will be taken.
        Diagnostics.write("listening on \(address)")
        stopped.wait()
        Diagnostics.log(.info, "stopped")
        return 0
    }
}

#if canImport(Glibc)
import System
import Glibc
#endif
import CEpoll
import Synchronization

/// One thread, one epoll instance, one listening socket, and the connections it accepted.
///
/// epoll is level-triggered. Each registration carries `generation << 32 | fd` in `data.u64`;
/// generation 0 marks the listener and the mailbox's `eventfd`, connections count from 1, so an
/// event still queued for a closed descriptor cannot reach a connection that reused its number.
///
/// ```swift
/// let loop = try EventLoop(index: 0, listener: listener, handler: app, limits: limits, counters: counters)
/// let thread = try SystemThread.spawn(name: "http-loop-0") { loop.run() }
/// loop.mailbox.requestStop(deadline: SystemClock.monotonicMilliseconds() + 5_000); thread.join()
/// ```
///
/// Thread ownership: everything but `mailbox` and `threadID` belongs to the loop's thread
/// (hence `@unchecked Sendable`); other threads only post to the mailbox through `deliver`.
final class EventLoop: @unchecked Sendable {
    static let readBufferSize = 65_536
    static let acceptBatch = 64
    static let maxEvents: Int32 = 256

    let index: Int
    let mailbox: Mailbox
    private let threadID = Atomic<UInt>(0)

    // Owned by the loop thread.
    let handler: any HTTPHandler
    /// Read once per connection, when it is admitted.
    var limits: HTTPLimits { settings.limits }
    private let settings: ListenerSettings
    private let counters: ServerCounters
    private let epollFD: Int32
    private var listener: Socket?
    private var listenerPolled = true
    private(set) var backoff = AcceptBackoff()
    private var connections: [Connection?] = []
    private var connectionCount = 0
    private var deadlines = DeadlineQueue()
    private var nextGeneration: UInt32 = 1
    private var deferred: [Mailbox.Delivery] = []
    private var stopDeadline: Int?
    private let events: UnsafeMutablePointer<epoll_event>
    /// The clock as of the last wake-up; every deadline is computed from it.
    private(set) var now = SystemClock.monotonicMilliseconds()
    /// Shared by all of the loop's connections: reads land here and go straight to a parser.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Responses being encoded for the connection at hand; empty between events.
    var writeBuffer: [UInt8] = []

    init(index: Int, listener: Socket, handler: any HTTPHandler, limits: HTTPLimits, counters: ServerCounters,
         settings: ListenerSettings? = nil) throws(SystemCallError) {
        self.index = index
        self.listener = listener
        self.handler = handler
        self.settings = settings ?? ListenerSettings(limits: limits)
        self.counters = counters
        mailbox = try Mailbox()
        epollFD = try Syscall.blocking("epoll_create1") { epoll_create1(CEPOLL_CLOEXEC) }
        events = .allocate(capacity: Int(Self.maxEvents))
        readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
        writeBuffer.reserveCapacity(Self.readBufferSize)
        do {
            try register(fd: mailbox.eventFD, generation: 0, events: CEPOLL_IN)
            try register(fd: listener.fd, generation: 0, events: CEPOLL_IN)
        } catch {
            Syscall.close(epollFD)
            throw error
        }
    }

    deinit {
        events.deallocate()
        readBuffer.deallocate()
    }

    // MARK: - The loop

    /// Runs until a stop request has drained every connection or its deadline passed.
    func run() {
        threadID.store(UInt(bitPattern: Int(bitPattern: pthread_self())), ordering: .releasing)
        while true {
            let count = epoll_wait(epollFD, events, Self.maxEvents, waitMilliseconds())
            now = SystemClock.monotonicMilliseconds()
            if count > 0 {
                for i in 0..<Int(count) {
                    dispatch(flags: cepoll_event_flags(events, Int32(i)), data: cepoll_event_data(events, Int32(i)))
                    if !deferred.isEmpty { runDeferred() }
                }
            }
            // count == -1 is EINTR (nothing else can fail with valid arguments): just go round.
            runTimers()
            handler.roundEnded()
            if let stopDeadline, connectionCount == 0 || now >= stopDeadline { break }
        }
        closeAll()
        mailbox.close()
        Syscall.close(epollFD)
    }

    private func waitMilliseconds() -> Int32 {
        var next = now + 1_000
        if let earliest = deadlines.earliest { next = min(next, earliest) }
        if let resume = backoff.resumeAt { next = min(next, resume) }
        if let stopDeadline { next = min(next, stopDeadline) }
        return Int32(max(0, next - SystemClock.monotonicMilliseconds()))
    }

    private func dispatch(flags: UInt32, data: UInt64) {
        let fd = Int32(truncatingIfNeeded: data & 0xFFFF_FFFF)
        let generation = UInt32(truncatingIfNeeded: data >> 32)
        if generation == 0 {
            if fd == mailbox.eventFD {
                readMailbox()
            } else if fd == listener?.fd {
                acceptConnections()
            }
            return
        }
        connection(fd: fd, generation: generation)?.handle(flags: flags)
    }

    private func runTimers() {
        if backoff.resumes(now: now), let listener, !listenerPolled {
            _ = try? modify(fd: listener.fd, generation: 0, events: CEPOLL_IN)
            listenerPolled = true
        }
        while let entry = deadlines.popDue(now: now) {
            connection(fd: entry.fd, generation: entry.generation)?.deadlineDue(entry.deadline)
        }
    }

    // MARK: - Accepting

    private func acceptConnections() {
        guard let listener else { return }
        for _ in 0..<Self.acceptBatch {
            do {
                guard case .ready(let (socket, peer)) = try listener.accept() else { return }
                admit(socket, peer: peer)
            } catch {
                if case .pauseUntil = backoff.failed(errno: error.errno, now: now) {
                    // The pending connection stays queued and the listener readable: stop polling it.
                    counters.acceptPauses.wrappingAdd(1, ordering: .relaxed)
                    _ = try? modify(fd: listener.fd, generation: 0, events: 0)
                    listenerPolled = false
                    return
                }
            }
        }
    }

    private func admit(_ socket: Socket, peer: SocketAddress) {
        guard stopDeadline == nil, counters.admit() else {
            socket.close()
            return
        }
        socket.setNoDelay()
        let generation = nextGeneration
        nextGeneration = nextGeneration == UInt32.max ? 1 : nextGeneration + 1
        let info = ConnectionInfo(peerAddress: peer.host, peerPort: peer.port)
        let connection = Connection(socket: socket, generation: generation, info: info, loop: self,
                                    proxyProtocol: settings.proxyProtocol(forPeer: info.peerAddress))
        do {
            try register(fd: socket.fd, generation: generation, events: CEPOLL_IN)
        } catch {
            socket.close()
            counters.release()
            return
        }
        let slot = Int(socket.fd)
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(slot + 1 - connections.count, connections.count)))
        }
        connections[slot] = connection
        connectionCount += 1
        connection.scheduleDeadline()
    }

    // MARK: - Connections

    private func connection(fd: Int32, generation: UInt32) -> Connection? {
        let slot = Int(fd)
        guard slot >= 0, slot < connections.count, let connection = connections[slot],
              connection.generation == generation else { return nil }
        return connection
    }

    /// Closes the socket and forgets the connection; a response arriving later finds no match.
    func close(_ connection: Connection) {
        let slot = Int(connection.socket.fd)
        guard slot < connections.count, connections[slot] === connection else { return }
        connection.closed()
        connection.socket.close()
        connections[slot] = nil
        connectionCount -= 1
        counters.release()
    }

    func schedule(_ deadline: Int, for connection: Connection) {
        deadlines.push(.init(deadline: deadline, fd: connection.socket.fd, generation: connection.generation))
    }

    private func closeAll() {
        for slot in connections.indices {
            if let connection = connections[slot] { close(connection) }
        }
        connections = []
        if let listener {
            listener.close()
            self.listener = nil
        }
    }

    // MARK: - Responses and stop requests

    /// Hands `response` to connection `(fd, generation)`; callable from any thread.
    func deliver(_ response: HTTPResponse, fd: Int32, generation: UInt32, request: UInt32) {
        let delivery = Mailbox.Delivery(fd: fd, generation: generation, request: request, response: response)
        guard isLoopThread else {
            mailbox.post(delivery)
            return
        }
        // Inside the handler's `handle`: take it in at once, the connection is mid-processing.
        if let connection = connection(fd: fd, generation: generation), connection.isProcessing {
            connection.respond(delivery.response, request: request)
        } else {
            deferred.append(delivery)
        }
    }

    /// A stream of connection `(fd, generation)` has something to send; callable from any thread.
    func wakeStream(fd: Int32, generation: UInt32) {
        mailbox.post(stream: .init(fd: fd, generation: generation))
    }

    private var isLoopThread: Bool {
        threadID.load(ordering: .acquiring) == UInt(bitPattern: Int(bitPattern: pthread_self()))
    }

    private func runDeferred() {
        while !deferred.isEmpty {
            let batch = deferred
            deferred = []
            for delivery in batch {
                connection(fd: delivery.fd, generation: delivery.generation)?.received(delivery.response, request: delivery.request)
            }
        }
    }

    private func readMailbox() {
        mailbox.acknowledgeWake()
        let (deliveries, stop) = mailbox.take()
        for delivery in deliveries {
            connection(fd: delivery.fd, generation: delivery.generation)?.received(delivery.response, request: delivery.request)
        }
        for wake in mailbox.takeStreamWakes() {
            connection(fd: wake.fd, generation: wake.generation)?.streamReady()
        }
        if let stop, stopDeadline == nil { beginStop(deadline: stop) }
    }

    /// Stops accepting, closes idle connections and lets the others finish until `deadline`.
    private func beginStop(deadline: Int) {
        stopDeadline = deadline
        if let listener {
            _ = try? Syscall.call("epoll_ctl") { cepoll_ctl(epollFD, EPOLL_CTL_DEL, listener.fd, 0, 0) }
            listener.close()
            self.listener = nil
        }
        for slot in connections.indices {
            connections[slot]?.stop()
        }
    }

    // MARK: - epoll registrations

    private func register(fd: Int32, generation: UInt32, events: UInt32) throws(SystemCallError) {
        try Syscall.blocking("epoll_ctl(ADD)") {
            cepoll_ctl(epollFD, EPOLL_CTL_ADD, fd, events, UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fd)))
        }
    }

    func modify(fd: Int32, generation: UInt32, events: UInt32) throws(SystemCallError) {
        try Syscall.blocking("epoll_ctl(MOD)") {
            cepoll_ctl(epollFD, EPOLL_CTL_MOD, fd, events, UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fd)))
        }
    }
}

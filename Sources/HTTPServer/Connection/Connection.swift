#if canImport(Glibc)
import Glibc
#endif
import CEpoll

/// One accepted socket: its parser, its `ConnectionState`, and the I/O that carries out the
/// state's actions. Between requests it holds little: the parser keeps only unconsumed bytes
/// and unsent output exists only while the peer is slow to read.
///
/// Thread ownership: created, used and closed on its loop's thread only.
final class Connection {
    let socket: Socket
    let generation: UInt32
    /// The socket's peer, or the client a trusted proxy's PROXY header names.
    private(set) var info: ConnectionInfo
    /// Set while a PROXY protocol header is awaited: the bytes of it received so far.
    private var proxyHeader: (parser: ProxyHeaderParser, received: [UInt8])?
    private unowned let loop: EventLoop
    private var parser: HTTPRequestParser
    private(set) var state: ConnectionState
    /// Bytes the socket did not take yet; EPOLLOUT is polled while there are any.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    /// The events registered with epoll right now.
    private var interest: UInt32 = CEPOLL_IN
    /// The deadline of the queue entry this connection relies on, if any.
    private var scheduledCheck: Int?
    /// Counts requests handed to the handler, so a second call of one responder is ignored.
    private var requestNumber: UInt32 = 0
    /// Inside `process()`: a response given synchronously by `handle` is taken in place.
    private(set) var isProcessing = false
    /// The body being streamed, while the state is `.streaming`.
    private var stream: HTTPStream?

    init(socket: Socket, generation: UInt32, info: ConnectionInfo, loop: EventLoop,
         proxyProtocol: ProxyProtocolMode = .off) {
        self.socket = socket
        self.generation = generation
        self.info = info
        self.loop = loop
        if proxyProtocol != .off { proxyHeader = (ProxyHeaderParser(accepting: proxyProtocol), []) }
        parser = HTTPRequestParser(limits: loop.limits)
        state = ConnectionState(limits: loop.limits, now: loop.now)
    }

    // MARK: - Events from the loop

    func handle(flags: UInt32) {
        if flags & CEPOLL_ERR != 0 {
            perform(state.failed())
        } else if flags & CEPOLL_HUP != 0 && flags & CEPOLL_IN == 0 {
            // Reset while not reading (the handler has the request): nobody to answer.
            perform(state.failed())
        } else {
            if flags & CEPOLL_OUT != 0 { flushPending() }
            if stream != nil && pending.isEmpty { pullStream() }
            if flags & (CEPOLL_IN | CEPOLL_HUP) != 0 && !state.isClosed { readable() }
        }
        finish()
    }

    /// A response from the handler, outside `process()`.
    func received(_ response: HTTPResponse, request: UInt32) {
        guard request == requestNumber else { return }
        perform(state.responded(response, now: loop.now))
        process()
        finish()
    }

    /// A response given synchronously from inside `handle`.
    func respond(_ response: HTTPResponse, request: UInt32) {
        guard request == requestNumber else { return }
        perform(state.responded(response, now: loop.now))
    }

    /// A deadline entry of ours came due; it may be stale (the deadline moved since).
    func deadlineDue(_ deadline: Int) {
        guard scheduledCheck == deadline else { return }
        scheduledCheck = nil
        let action = state.timedOut(now: loop.now)
        if case .send(let response, _) = action { loop.handler.serverAnswered(status: response.status, connection: info) }
        perform(action)
        finish()
    }

    func stop() {
        perform(state.stop(now: loop.now))
        // Streams end first on a drain: what is queued goes out, then the connection closes.
        if let stream {
            stream.finish()
            pullStream()
        }
        finish()
    }

    /// The stream has bytes (or its end) for us.
    func streamReady() {
        pullStream()
        finish()
    }

    /// The loop forgets this connection: the stream's writer learns the reader is gone.
    func closed() {
        stream?.end()
        stream = nil
    }

    /// Moves the stream's queue into the write buffer once the socket took the last piece, so
    /// at most `maxBufferedBytes` wait in all; the end is taken even while a piece is pending.
    private func pullStream() {
        guard let stream, let chunked = state.streamChunked else { return }
        if pending.isEmpty { stream.flushed() }
        let (bytes, finished) = stream.take()
        ResponseEncoder.encodeStreamPiece(bytes, chunked: chunked, into: &loop.writeBuffer)
        if finished {
            if chunked { loop.writeBuffer.append(contentsOf: ResponseEncoder.lastChunk) }
            perform(state.streamEnded(now: loop.now))
            stream.end()
            self.stream = nil
        }
    }

    // MARK: - Reading and parsing

    private func readable() {
        if state.isLingering {
            discard()
            return
        }
        if state.streamChunked != nil {
            watchWhileStreaming()
            return
        }
        guard state.readsRequests && pending.isEmpty else {
            // Level-triggered: stop polling EPOLLIN until the response is out, or it would spin.
            // Bytes stay in the socket until then; that is the pipelining back-pressure.
            setInterest(pending.isEmpty ? 0 : CEPOLL_OUT)
            return
        }
        do {
            switch try socket.read(into: loop.readBuffer) {
            case .ready(0):
                perform(state.peerClosed())
            case .ready(let count) where proxyHeader != nil:
                readProxyHeader(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
            case .ready(let count):
                parser.feed(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
                process()
            case .notReady:
                break
            }
        } catch {
            perform(state.failed())
        }
    }

    /// A streaming peer sends nothing we serve; reading tells us when it leaves.
    private func watchWhileStreaming() {
        do {
            switch try socket.read(into: loop.readBuffer) {
            case .ready(0): perform(state.peerClosed())
            case .ready, .notReady: break
            }
        } catch {
            perform(state.failed())
        }
    }

    /// Before HTTP, from a trusted proxy: its PROXY header, read under the head deadline. A
    /// connection whose first bytes are not a valid header is closed with no answer: the
    /// peer is a proxy, and HTTP there would be read as coming from the proxy itself.
    private func readProxyHeader(_ bytes: UnsafeRawBufferPointer) {
        guard var awaited = proxyHeader else { return }
        awaited.received.append(contentsOf: bytes)
        switch awaited.parser.parse(awaited.received) {
        case .needMoreData:
            proxyHeader = awaited
            // The head deadline runs from the first byte, as for a request head.
            state.needsMoreData(parserPhase: .head, now: loop.now)
        case .invalid:
            proxyHeader = nil
            perform(state.failed())
        case .header(let header, let length):
            proxyHeader = nil
            if let source = header.source { info = ConnectionInfo(peerAddress: source.address, peerPort: source.port) }
            let rest = awaited.received[length...]
            guard !rest.isEmpty else { return }
            Array(rest).withUnsafeBytes { parser.feed($0) }
            process()
        }
    }

    private func discard() {
        do {
            switch try socket.read(into: loop.readBuffer) {
            case .ready(0): perform(state.peerClosed())
            case .ready(let count): perform(state.discarded(count, now: loop.now))
            case .notReady: break
            }
        } catch {
            perform(state.failed())
        }
    }

    /// Takes buffered requests one by one until the parser needs more or a request is with the
    /// handler; pipelined requests wait their turn so responses go out in order.
    private func process() {
        isProcessing = true
        defer { isProcessing = false }
        while state.readsRequests {
            let now = loop.now
            switch parser.next() {
            case .needMoreData:
                state.needsMoreData(parserPhase: parser.phase, now: now)
                return
            case .head(let head): perform(state.receivedHead(head, now: now))
            case .body(let body): perform(state.receivedBody(body, now: now))
            case .error(let error):
                loop.handler.serverAnswered(status: error.status, connection: info)
                perform(state.receivedError(error, now: now))
            }
        }
    }

    // MARK: - Carrying out actions

    private func perform(_ action: ConnectionAction) {
        switch action {
        case .none, .close:
            break
        case .screen(let head):
            switch loop.handler.screen(head, connection: info) {
            case .refuse(let refusal): perform(state.screened(refusal: refusal, now: loop.now))
            case .proceed(let context): perform(state.screened(refusal: nil, context: context, now: loop.now))
            }
        case .sendContinue:
            loop.writeBuffer.append(contentsOf: ResponseEncoder.continueResponse)
        case .handle(let request):
            requestNumber &+= 1
            let loop = self.loop, fd = socket.fd, generation = self.generation, number = requestNumber
            loop.handler.handle(request, connection: info) { response in
                loop.deliver(response, fd: fd, generation: generation, request: number)
            }
        case .send(let response, let framing):
            ResponseEncoder.encode(response, framing: framing, into: &loop.writeBuffer)
            if let stream = response.stream {
                guard state.streamChunked != nil else { return stream.end() }   // HEAD: the head only
                self.stream = stream
                if state.stopping { stream.finish() }
                let loop = self.loop, fd = socket.fd, generation = self.generation
                stream.attach { loop.wakeStream(fd: fd, generation: generation) }
                pullStream()
            }
        case .shutdownWrite:
            socket.shutdownWrite()
        }
    }

    /// After every event: write what was encoded, then close, or poll for what comes next.
    private func finish() {
        if !state.isClosed { flush() }
        if !state.isClosed && pending.isEmpty { perform(state.outputFlushed(now: loop.now)) }
        loop.writeBuffer.removeAll(keepingCapacity: true)
        if state.isClosed {
            loop.close(self)
            return
        }
        if state.streamChunked != nil {
            setInterest(pending.isEmpty ? CEPOLL_IN : CEPOLL_IN | CEPOLL_OUT)
        } else if !pending.isEmpty {
            setInterest(CEPOLL_OUT)
        } else if state.readsRequests || state.isLingering {
            setInterest(CEPOLL_IN)
        } else if !state.isResponding {
            setInterest(0)
        }
        // While responding EPOLLIN stays as it was: most clients wait for the response, and
        // turning it off and on again would cost two epoll_ctl calls per request.
        scheduleDeadline()
    }

    /// Sends the encoded responses behind anything still pending, in one `send` when possible.
    private func flush() {
        guard !loop.writeBuffer.isEmpty else { return }
        if pending.isEmpty {
            let sent = send(loop.writeBuffer, from: 0)
            if sent < loop.writeBuffer.count && !state.isClosed {
                pending = Array(loop.writeBuffer[sent...])
                pendingOffset = 0
            }
        } else {
            pending.append(contentsOf: loop.writeBuffer)
            flushPending()
        }
    }

    private func flushPending() {
        guard !pending.isEmpty else { return }
        pendingOffset += send(pending, from: pendingOffset)
        if pendingOffset == pending.count || state.isClosed {
            pending = []   // frees the buffer: idle connections hold none
            pendingOffset = 0
        }
    }

    /// Returns how many bytes went out; on a send error the connection is marked closed.
    private func send(_ bytes: [UInt8], from offset: Int) -> Int {
        var sent = 0
        bytes.withUnsafeBytes { raw in
            while offset + sent < raw.count {
                do {
                    guard case .ready(let count) = try socket.send(UnsafeRawBufferPointer(rebasing: raw[(offset + sent)...])) else { return }
                    sent += count
                } catch {
                    perform(state.failed())
                    return
                }
            }
        }
        return sent
    }

    private func setInterest(_ events: UInt32) {
        guard events != interest else { return }
        if (try? loop.modify(fd: socket.fd, generation: generation, events: events)) != nil {
            interest = events
        }
    }

    /// Makes sure a queue entry exists no later than the state's deadline.
    func scheduleDeadline() {
        guard let deadline = state.deadline else { return }
        if let scheduledCheck, scheduledCheck <= deadline { return }
        scheduledCheck = deadline
        loop.schedule(deadline, for: self)
    }
}

/// An incremental HTTP/1.1 request parser (RFC 9112). It works on bytes only and never
/// touches a socket: feed it what arrived, then call `next()` until it needs more data.
///
/// ```swift
/// var parser = HTTPRequestParser(limits: HTTPLimits())
/// parser.feed(bytes)
/// loop: while true {
///     switch parser.next() {
///     case .needMoreData: break loop
///     case .head(let head): screen(head)      // before any body byte is consumed
///     case .body(let body): handle(body)      // the whole body, de-chunked; [] when none
///     case .error(let error): reply(error.status); close()
///     }
/// }
/// ```
///
/// Every request yields `.head` then `.body`, in order, whatever way the bytes were split.
/// After `.error` the parser stays failed.
public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable, Equatable {
        case needMoreData
        case head(HTTPRequestHead)
        case body([UInt8])
        case error(HTTPParserError)
    }

    /// Where the parser stands, for the connection's deadlines.
    public enum Phase: Sendable, Equatable {
        /// Between requests, with no byte of the next one buffered.
        case idle
        /// Some bytes of a head have arrived, not all.
        case head
        /// The head was returned; the body is not complete.
        case body
    }

    private enum BodyFraming {
        case contentLength
        case chunked
    }

    private let limits: HTTPLimits
    /// Bytes fed and not yet consumed start at `readIndex`; consumed bytes before it are
    /// dropped when more arrive, and the storage is released when nothing is left.
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var inBody = false
    private var headParser = HeadParser()
    private var bodyFraming = BodyFraming.contentLength
    private var bodyRemaining = 0
    private var chunkedDecoder = ChunkedBodyDecoder()
    private var body: [UInt8] = []
    private var failure: HTTPParserError?

    /// Body bytes reserved up front for a `Content-Length` body; webhooks are a few KiB.
    static let initialBodyCapacity = 16 << 10

    public init(limits: HTTPLimits) {
        self.limits = limits
    }

    public var phase: Phase {
        if inBody { return .body }
        return readIndex < buffer.count || headParser.hasStarted ? .head : .idle
    }

    /// Bytes fed and not yet consumed (the rest of a head, a body, pipelined requests); a
    /// connection can stop reading while this is high.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Bytes of storage the parser holds, for tests of its memory use.
    var bufferCapacity: Int { buffer.capacity }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        var rest = bytes
        if inBody, bodyFraming == .contentLength, bodyRemaining > 0, readIndex == buffer.count {
            // Nothing is waiting in the buffer: body bytes go straight into the body.
            let n = min(bodyRemaining, rest.count)
            body.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<n]))
            bodyRemaining -= n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if rest.isEmpty { return }
        }
        compact()
        buffer.append(contentsOf: rest.assumingMemoryBound(to: UInt8.self))
    }

    public mutating func feed(_ bytes: [UInt8]) { bytes.withUnsafeBytes { feed($0) } }

    public mutating func next() -> Event {
        if let failure { return .error(failure) }
        let event = inBody ? nextBody() : nextHead()
        if case .error(let error) = event {
            failure = error
            buffer = []
            readIndex = 0
            body = []
        }
        return event
    }

    private mutating func nextHead() -> Event {
        let result = buffer.withUnsafeBytes { all in
            headParser.parse(UnsafeRawBufferPointer(rebasing: all[readIndex...]), limits: limits)
        }
        switch result {
        case .needMoreData:
            return .needMoreData
        case .error(let error):
            return .error(error)
        case .complete(let head, let length):
            readIndex += length
            headParser = HeadParser()
            inBody = true
            switch head.framing {
            case .none:
                bodyFraming = .contentLength
                bodyRemaining = 0
            case .contentLength(let length):
                bodyFraming = .contentLength
                bodyRemaining = length
                // A head alone must not buy a megabyte: reserve what webhooks send, grow on arrival.
                body.reserveCapacity(min(length, Self.initialBodyCapacity))
            case .chunked:
                bodyFraming = .chunked
                chunkedDecoder = ChunkedBodyDecoder()
            }
            return .head(head)
        }
    }

    private mutating func nextBody() -> Event {
        switch bodyFraming {
        case .contentLength:
            let n = min(bodyRemaining, buffer.count - readIndex)
            if n > 0 {
                buffer.withUnsafeBytes { all in
                    body.append(contentsOf: UnsafeRawBufferPointer(rebasing: all[readIndex..<(readIndex + n)]))
                }
                readIndex += n
                bodyRemaining -= n
            }
            if bodyRemaining > 0 { return .needMoreData }
        case .chunked:
            let (consumed, result) = buffer.withUnsafeBytes { all in
                chunkedDecoder.decode(UnsafeRawBufferPointer(rebasing: all[readIndex...]), into: &body, limits: limits)
            }
            readIndex += consumed
            switch result {
            case .needMoreData: return .needMoreData
            case .error(let error): return .error(error)
            case .complete: break
            }
        }
        inBody = false
        let complete = body
        body = []
        if readIndex == buffer.count {
            // Idle: hold no storage while the connection waits for its next request.
            buffer = []
            readIndex = 0
        }
        return .body(complete)
    }

    /// Drops consumed bytes before appending more. Within a head, offsets count from
    /// `readIndex`, so moving the unconsumed bytes to the front changes nothing for them.
    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(0..<readIndex)
        }
        readIndex = 0
    }
}

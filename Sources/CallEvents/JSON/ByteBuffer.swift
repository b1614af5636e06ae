/// Raw memory that the line encoder appends to: an append is a bounds check and a copy, with
/// none of `Array`'s uniqueness checks. It starts in memory the caller lends (the line's own
/// array, sized beforehand) and moves to the heap only when that is full; heap memory is freed
/// when the buffer goes away.
///
/// ```swift
/// let line = [UInt8](unsafeUninitializedCapacity: 2048) { memory, count in
///     var out = ByteBuffer(memory)
///     out.appendRaw("{\"id\":")
///     out.appendString(event.id)
///     count = out.outgrewScratch ? 0 : out.count   // else take out.array, which holds it all
/// }
/// ```
struct ByteBuffer: ~Copyable, JSONSink {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var ownsMemory = false

    /// Writes into `scratch` (which must outlive the buffer) until it is full.
    init(_ scratch: UnsafeMutableBufferPointer<UInt8>) {
        if let start = scratch.baseAddress, scratch.count > 0 {
            base = start
            capacity = scratch.count
        } else {
            capacity = 64
            base = .allocate(capacity: capacity)
            ownsMemory = true
        }
    }

    deinit { if ownsMemory { base.deallocate() } }

    /// Whether the bytes no longer fit the lent memory and were moved to the heap.
    var outgrewScratch: Bool { ownsMemory }

    /// The bytes written, as an array of exactly that size.
    var array: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            out.baseAddress!.initialize(from: base, count: count)
            initialized = count
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        if n > capacity &- count { grow(to: count + n) }
        if let source = bytes.baseAddress { (base + count).initialize(from: source, count: n) }
        count &+= n
    }

    @inline(__always)
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        if n &+ 2 > capacity &- count { grow(to: count + n + 2) }
        let out = base + count
        out[0] = UInt8(ascii: "\"")
        if let source = bytes.baseAddress { (out + 1).initialize(from: source, count: n) }
        out[n &+ 1] = UInt8(ascii: "\"")
        count &+= n &+ 2
    }

    /// Exactly `n` more bytes, written in place by `write`.
    @inline(__always)
    mutating func append(count n: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        if n > capacity &- count { grow(to: count + n) }
        write(base + count)
        count &+= n
    }

    /// At least doubles, so a line that outgrows its estimate costs few copies.
    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if ownsMemory { base.deallocate() }
        base = newBase
        ownsMemory = true
        capacity = newCapacity
    }
}

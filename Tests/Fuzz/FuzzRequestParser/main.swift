import FuzzSupport

// Any bytes as a request stream: whole, one byte at a time and in pseudo-random pieces must
// give the same events (pipelined requests included), with small limits so 413/414/431 are reached.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ParserConsistency.check(UnsafeRawBufferPointer(start: data, count: size), limits: ParserConsistency.smallLimits)
    return 0
}

import FuzzSupport

// Any bytes as a chunked body after a fixed head (the decoder is internal to HTTPServer, so it
// is reached through the parser): same events however split; a body never exceeds the limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ChunkedInput.check(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

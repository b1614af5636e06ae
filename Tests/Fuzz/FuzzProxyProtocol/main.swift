import FuzzSupport

// Any bytes as the start of a connection behind a proxy, in every `listen_proxy_protocol`
// mode: the verdict is the same whole and as the bytes arrive, and a header stays in its limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ProxyHeaderConsistency.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

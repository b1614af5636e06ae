import CallEvents
import FuzzSupport

// Any bytes as a form body or query: never rejected, nothing lost, and the result writes as JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FormInput.check(UnsafeBufferPointer(start: data, count: size))
    return 0
}

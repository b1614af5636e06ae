import FuzzSupport

// Any bytes as a delivery (a JSON body, a form body, a GET query) decoded as each vendor and
// as auto: one line of valid JSON with every field of Documentation.docc/EventSchema.md, or a
// 415/422 reject.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    VendorInput.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

import CallEvents
import FuzzSupport

// Any bytes as a multipart/form-data body with a fixed boundary: an object of text fields or
// a 422, never a crash; the fields write as JSON and read back equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    switch Payload.decodeBody(body, contentType: "multipart/form-data; boundary=XyZ") {
    case .success(let value):
        guard case .object = value else {
            FuzzCheck.require(false, "multipart decoded to \(value)")
            return 0
        }
        JSONRoundTrip.check(value, "multipart")
    case .failure(let failure):
        FuzzCheck.require(failure.reason == .malformed, "a multipart failure for \(failure.reason)")
    }
    return 0
}

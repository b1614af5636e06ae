import CallEvents
import FuzzSupport

// Any bytes as JSON: parsing never crashes; what parses is written back and re-parsed equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    switch JSONParser.parse(UnsafeBufferPointer(start: data, count: size)) {
    case .success(let value):
        let text = JSONRoundTrip.check(value)
        // Written JSON is a fixed point: writing what was read back gives the same bytes.
        if case .success(let again) = JSONParser.parse(text) {
            var writer = JSONWriter()
            writer.value(again)
            FuzzCheck.require(writer.bytes == text, "writing is not stable")
        }
    case .failure(let failure):
        FuzzCheck.require(failure.reason == .malformed, "a JSON failure for \(failure.reason)")
    }
    return 0
}

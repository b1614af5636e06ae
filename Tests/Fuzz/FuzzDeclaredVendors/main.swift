import FuzzSupport

// Random vendor definitions compiled and applied to random payloads: a definition either
// compiles or is refused with a JSON path; a payload decodes to one line with every field of
// Documentation.docc/EventSchema.md, or is a reject with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    DeclaredInput.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

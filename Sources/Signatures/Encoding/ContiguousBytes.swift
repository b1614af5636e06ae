/// Runs `body` on `bytes` as one contiguous buffer, copying only a collection that has none.
/// The public decoders take `some Collection<UInt8>` and are reached unspecialized from other
/// modules: going through the buffer costs one witness call, not one per byte.
func withContiguousBytes<Result>(_ bytes: some Collection<UInt8>,
                                 _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    bytes.withContiguousStorageIfAvailable(body) ?? Array(bytes).withUnsafeBufferPointer(body)
}

/// One queued append: the line without its `\n`, and who to tell how it went.
struct PendingLine {
    var line: [UInt8]
    var completion: @Sendable (Result<Void, StorageError>) -> Void
}

extension Configuration {
    /// Every secret the server holds, for the redactor; never printed.
    var secretTexts: [String] {
        (routes.flatMap(\.secrets) + [adminToken].compactMap { $0 }).map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

/// Standard output for the commands, one whole line per `write` (no buffering, so a follower
/// sees each event as soon as it is read).
enum Output {
    static func write(_ bytes: [UInt8]) { Diagnostics.writeLine(bytes, to: 1) }
}

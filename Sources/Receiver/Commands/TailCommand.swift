import Glibc

/// `callhook tail`: one readable line per event, or the matching JSON lines as they are;
/// `--follow` keeps reading across rotation and truncation like `tail -F`.
enum TailCommand {
    static func run(_ options: CommandLineArguments.Tail) -> Int32 {
        if let vendor = options.vendor, options.config != nil {
            guard case .success(let catalog) = ConfiguredVendors.load(options.config) else { return 2 }
            guard catalog.names.contains(vendor) else {
                Diagnostics.log(.error, "unknown vendor \(quoted(vendor)) (expected one of \(catalog.names.joined(separator: ", ")))")
                return 2
            }
        }
        let path = options.file ?? "events.jsonl"
        let formatter = TailFormatter(colour: TailFormatter.wantsColour(fd: 1))
        if options.follow, path != "-", access(path, F_OK) != 0 {
            Diagnostics.log(.info, "waiting for \(path) to appear")
        }
        let opened = LogLines(path: path, follow: options.follow).forEach { line in
            guard let event = LoggedEvent(line: line), matches(event, options) else { return }
            if options.json {
                Output.write(line)
            } else {
                Output.write(Array(formatter.format(event).utf8))
            }
        }
        guard opened else {
            Diagnostics.log(.error, "cannot open \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        return 0
    }

    static func matches(_ event: LoggedEvent, _ options: CommandLineArguments.Tail) -> Bool {
        if let vendor = options.vendor, event.vendor != vendor { return false }
        if let type = options.type, event.type != type.rawValue { return false }
        if let call = options.callID, event.callID != call { return false }
        return true
    }
}

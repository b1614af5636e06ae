import Glibc
import System

/// Reads a JSON Lines file (or standard input) line by line, without loading it whole.
/// With `follow`, keeps reading like `tail -F`: across rename rotation (the name now points at
/// a new file: finish the old one, then read the new one from its start) and truncation.
struct LogLines {
    let path: String?
    var follow = false
    var pollMicroseconds: UInt32 = 200_000

    /// Calls `body` with each complete line (without `\n`); a partial last line waits for its
    /// end when following and is dropped otherwise. Returns false when the file cannot be
    /// opened; when following, a file that does not exist yet is waited for, as `tail -F` does.
    func forEach(_ body: ([UInt8]) -> Void) -> Bool {
        let isStdin = path == nil || path == "-"
        var fd: Int32 = isStdin ? 0 : open(path!, O_RDONLY | O_CLOEXEC)
        while fd < 0 && follow && errno == ENOENT {
            usleep(pollMicroseconds)
            fd = open(path!, O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { return false }
        var identity = isStdin ? nil : FileIdentity(fd: fd)
        var offset = 0
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        defer { if fd > 0 { close(fd) } }

        while true {
            guard let n = try? Syscall.blocking("read", { buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) } }) else {
                return true
            }
            if n > 0 {
                offset += n
                var start = 0
                for i in 0..<n where buffer[i] == UInt8(ascii: "\n") {
                    if pending.isEmpty {
                        body(Array(buffer[start..<i]))
                    } else {
                        pending.append(contentsOf: buffer[start..<i])
                        body(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = i + 1
                }
                pending.append(contentsOf: buffer[start..<n])
                continue
            }
            // End of what is there now.
            guard follow, !isStdin, let path else { return true }
            usleep(pollMicroseconds)
            if let current = FileIdentity(path: path), current != identity {
                // Rotated: the old file is read to its end above; switch to the new one.
                let next = open(path, O_RDONLY | O_CLOEXEC)
                if next >= 0 {
                    // Read anything written to the old file after our last read first.
                    drain(fd, &pending, body)
                    close(fd)
                    fd = next
                    identity = current
                    offset = 0
                    pending.removeAll()
                }
            } else if let size = FileIdentity.size(fd: fd), size < offset {
                // Truncated in place (copytruncate): start again from the top.
                lseek(fd, 0, SEEK_SET)
                offset = 0
                pending.removeAll()
            }
        }
    }

    /// Reads what is left in `fd` and emits its complete lines.
    private func drain(_ fd: Int32, _ pending: inout [UInt8], _ body: ([UInt8]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = (try? Syscall.blocking("read", { buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) } })) ?? 0
            guard n > 0 else { return }
            for byte in buffer[0..<n] {
                if byte == UInt8(ascii: "\n") {
                    body(pending)
                    pending.removeAll(keepingCapacity: true)
                } else {
                    pending.append(byte)
                }
            }
        }
    }
}

/// Device and inode: tells a file from the one that replaced it under the same name.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    static func size(fd: Int32) -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}

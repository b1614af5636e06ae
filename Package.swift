// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: `callhook` -> `Receiver` -> {`HTTPServer`, `CallEvents`, `EventLog`} -> `System`.
// `HTTPServer` knows nothing of vendors; `CallEvents` and `EventLog` know nothing of sockets.
let package = Package(
    name: "callhook",
    products: [
        .executable(name: "callhook", targets: ["callhook"]),
        .executable(name: "callhook-bench", targets: ["callhook-bench"]),
    ],
    targets: [
        // libc headers Swift does not import: <sys/epoll.h>, <sys/eventfd.h>, accept4.
        .target(name: "CEpoll"),
        // Every syscall, thread and clock of the package: EINTR retried, errno with the call's name.
        .target(name: "System", dependencies: ["CEpoll"]),
        .target(name: "HTTPServer", dependencies: ["CEpoll", "System"]),
        // Hashes, HMAC, Ed25519 verification, hex and base64: the project's own, no I/O.
        .target(name: "Signatures"),
        .target(name: "CallEvents", dependencies: ["Signatures", "System"]),
        .target(name: "EventLog", dependencies: ["System"]),
        // Calls in progress, numbers and recent lines, fed with lines as they are written.
        .target(name: "Live", dependencies: ["CallEvents", "EventLog"]),
        .target(name: "Receiver", dependencies: ["HTTPServer", "CallEvents", "EventLog", "Live", "System", "CEpoll"]),
        .executableTarget(name: "callhook", dependencies: ["Receiver"]),
        // Speed and memory figures: decoding per vendor, and the server under wrk.
        .executableTarget(name: "callhook-bench", dependencies: ["CallEvents", "Signatures", "CEpoll"]),
        // libFuzzer entry points; only useful built with `--sanitize=fuzzer` (see .ci/fuzz).
        // What the tests and the fuzzers share; no XCTest, so the fuzz builds can use it too.
        .target(name: "TestSupport", dependencies: ["HTTPServer"], path: "Tests/TestSupport"),
        // The one test client, the one launcher of the binary, vendor payloads as resource files; Foundation allowed.
        .target(name: "TestKit", path: "Tests/TestKit", resources: [.copy("Fixtures")]),
        .target(name: "FuzzSupport", dependencies: ["HTTPServer", "CallEvents", "TestSupport"], path: "Tests/Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzRequestParser", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzRequestParser"),
        .executableTarget(name: "FuzzChunkedBody", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzChunkedBody"),
        .executableTarget(name: "FuzzFormDecoding", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzFormDecoding"),
        .executableTarget(name: "FuzzMultipart", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzMultipart"),
        .executableTarget(name: "FuzzJSONParser", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzJSONParser"),
        .executableTarget(name: "FuzzVendorDecoders", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzVendorDecoders"),
        .executableTarget(name: "FuzzDeclaredVendors", dependencies: ["FuzzSupport", "TestSupport"], path: "Tests/Fuzz/FuzzDeclaredVendors"),
        .executableTarget(name: "FuzzSignatures", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzSignatures"),
        .executableTarget(name: "FuzzProxyProtocol", dependencies: ["FuzzSupport"], path: "Tests/Fuzz/FuzzProxyProtocol"),

        .testTarget(name: "SystemTests", dependencies: ["System"]),
        .testTarget(name: "TestKitTests", dependencies: ["TestKit"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "System", "TestSupport", "TestKit"]),
        // Fixtures: the shipped vendors' documented deliveries, each with its expected line.
        .testTarget(name: "SignaturesTests", dependencies: ["Signatures"], resources: [.copy("Vectors")]),
        .testTarget(name: "CallEventsTests", dependencies: ["CallEvents", "System", "TestSupport", "TestKit"],
                    resources: [.copy("Declared/Fixtures")]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "System", "TestKit"]),
        .testTarget(name: "LiveTests", dependencies: ["Live", "CallEvents", "EventLog"]),
        .testTarget(name: "ReceiverTests", dependencies: ["Receiver", "HTTPServer", "CallEvents", "EventLog", "System", "TestSupport", "TestKit"],
                    exclude: ["Browser/console_check.py"]),
    ],
    swiftLanguageModes: [.v6]
)

/// Everything the request path derives from the config, built once and never changed: the
/// config itself, the route table and the secret redactor. A reload builds a new one and swaps
/// it in whole (``ReceiverApp/apply(_:)``), so a request sees one config or the other, never a
/// mix of the two.
///
/// ```swift
/// let settings = ReceiverSettings(configuration)
/// settings.routes.match(path: "/hooks/voipnow")?.route.name   // "voipnow"
/// ```
final class ReceiverSettings: Sendable {
    let configuration: Configuration
    let routes: RouteTable
    let redactor: SecretRedactor

    init(_ configuration: Configuration) {
        self.configuration = configuration
        routes = RouteTable(configuration.routes)
        redactor = SecretRedactor(secrets: configuration.secretTexts)
    }
}

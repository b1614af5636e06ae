import CallEvents
import FuzzSupport
import TestSupport

/// The fuzzer's bytes as a definition and a payload: before the first NUL, a definition's JSON
/// as the fuzzer wrote it; after it, the payload. A second definition is generated from the
/// bytes' seed (every construct of Documentation.docc/Vendors.md, always valid), so the decoder
/// is exercised even when the written one does not compile.
enum DeclaredInput {
    static func check(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        let payload = split < bytes.count ? Array(bytes[(split + 1)...]) : bytes
        var definitions: [DeclaredDefinition] = []
        if split < bytes.count, case .success(let value) = JSONParser.parse(Array(bytes[..<split])) {
            do {
                definitions.append(try DeclaredCompiler.compile(name: "written", value, at: "$.vendors.written"))
            } catch {
                FuzzCheck.require(error.path.hasPrefix("$.vendors.written") && !error.message.isEmpty,
                                  "a refusal without its path or message: \(error)")
            }
        }
        let seed = bytes.withUnsafeBytes { SplitMix64.seed(of: $0) }
        var random = SplitMix64(seed: seed)
        let generated = DefinitionGenerator.make(&random)
        do {
            definitions.append(try DeclaredCompiler.compile(name: "generated", generated, at: "$.vendors.generated"))
        } catch {
            FuzzCheck.require(false, "a generated definition does not compile: \(error)")
        }
        let catalog = VendorCatalog(declaring: definitions)
        let choices = definitions.map { VendorChoice.vendor(.declared($0)) } + [.auto]
        let deliveries = [
            delivery(method: "POST", contentType: "application/json", body: payload, query: nil),
            delivery(method: "POST", contentType: "application/x-www-form-urlencoded", body: payload, query: Array("token=s&x=1".utf8)),
            delivery(method: "GET", contentType: nil, body: [], query: payload),
        ]
        for delivery in deliveries {
            for choice in choices {
                let context = "\(delivery.method) \(delivery.contentType ?? "-") as \(choice)"
                switch CallEventDecoder.decode(delivery, as: choice, catalog: catalog) {
                case .success(let event):
                    CallEventLine.check(event, context)
                    TapeConsistency.check(event, delivery, choice, catalog: catalog, context)
                case .failure(let failure):
                    FuzzCheck.require(!failure.message.isEmpty, "\(context): a reject (\(failure.reason)) without a message")
                }
            }
        }
    }

    static func delivery(method: String, contentType: String?, body: [UInt8], query: [UInt8]?) -> Delivery {
        Delivery(method: method, contentType: contentType, body: body, query: query,
                 id: "01900000-0000-7000-8000-000000000000", receivedAt: Timestamp(milliseconds: 1_580_283_919_489),
                 route: "fuzz", source: EventSource(addr: "192.0.2.1", userAgent: "fuzz"))
    }
}

import CallEvents
import Foundation

/// `callhook decode --vendor V [--hint H] [--config FILE] [FILE|-]`: decode one payload offline and print its
/// CallEvent line, to check a PBX's payload before pointing the PBX at the server.
enum DecodeCommand {
    static func run(_ options: CommandLineArguments.Decode) -> Int32 {
        let catalog: VendorCatalog
        switch ConfiguredVendors.load(options.config) {
        case .success(let loaded): catalog = loaded
        case .failure(let status): return status.code
        }
        guard let choice = ConfigurationLoader.vendorChoice(options.vendorName, in: catalog) else {
            Diagnostics.log(.error, "unknown vendor \(quoted(options.vendorName)) (expected one of "
                + "\(catalog.names.joined(separator: ", ")) or auto)")
            return 2
        }
        let body: [UInt8]
        if let file = options.file, file != "-" {
            guard let data = FileManager.default.contents(atPath: file) else {
                Diagnostics.log(.error, "cannot read \(file)")
                return 1
            }
            body = [UInt8](data)
        } else {
            body = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        switch CallEventDecoder.decodeOffline(body: body, contentType: options.contentType, as: choice,
                                              hint: options.hint, receivedAt: WallClock.now(), catalog: catalog) {
        case .success(let event):
            var line = event.jsonLine()
            line.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(Data(line))
            return 0
        case .failure(let failure):
            Diagnostics.log(.error, "\(failure.status): \(failure.message)")
            return 1
        }
    }
}

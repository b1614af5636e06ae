/// The table style of `calls`, `stats` and `vendors`: left-aligned columns two spaces apart,
/// each as wide as its widest cell, no trailing blanks.
///
/// ```swift
/// TextTable.render(header: ["NAME", "KIND"], rows: [["twilio", "shipped"]])
/// // NAME    KIND
/// // twilio  shipped
/// ```
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return ([header] + rows).map { row in
            var line = row.enumerated().map { TailFormatter.pad($0.element, widths[$0.offset]) }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

import Foundation
import GongkaiCore
import GongkaiDocuments

/// Fixture access and expected values shared by the text reader tests.
enum TextReaderFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/reports")

    static let seed = "seed-daxing-yingji-2020.txt"
    static let samples = [
        "02-pingtan-guanweihui-2019.txt", "05-pingtan-ziranziyuanju-2020.txt", "09-pingtan-gonganju-2022.txt",
        "15-shuyang-fagaiju-2023.txt", "19-shanghai-shizhengfu-bangongting-2025.txt",
    ]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// JSON row keys of `expected_tables.json` → section III rows.
    static func row(forKey key: String) -> ApplicationRow? {
        switch key {
        case "new": return .new
        case "carry": return .carriedOver
        case "granted": return .granted
        case "partial": return .partiallyGranted
        case "o": return .other
        case "total": return .total
        case "fwd": return .carriedForward
        default:
            guard let n = Int(key.dropFirst()) else { return nil }
            switch key.first {
            case "d": return .withheld(n)
            case "u": return .unavailable(n)
            case "n": return .notProcessed(n)
            case "o": return .otherSub(n)
            default: return nil
            }
        }
    }

    struct Expected {
        var format: ReportFormat
        var table: ApplicationTable
        var appeals: AppealsTable
    }

    /// The hand-read tables of a sample; rows absent from the JSON are all 0; null is a blank cell.
    static func expected(_ name: String) throws -> Expected? {
        let json = try JSONSerialization.jsonObject(with: data("expected_tables.json")) as? [String: Any]
        guard let reports = json?["reports"] as? [String: Any], let entry = reports[name] as? [String: Any],
            let formatYear = entry["format"] as? Int, let s3 = entry["section3"] as? [String: Any],
            let s4 = entry["section4"] as? [Any]
        else { return nil }
        let format: ReportFormat = formatYear == 2019 ? .v2019 : .v2021
        var table = ApplicationTable(format: format)
        for (key, value) in s3 {
            guard let row = row(forKey: key), let values = value as? [Any] else { continue }
            table.setRow(row, values.map(cell))
        }
        return Expected(format: format, table: table, appeals: AppealsTable(cells: s4.map(cell)))
    }

    private static func cell(_ any: Any) -> Cell {
        if let n = any as? Int { return .count(n) }
        return .blank
    }

    /// The seed's section III: all 0 except 一、本年新收 / （四）1 / （七）总计 = 21 for 自然人 and 总计.
    static var seedTable: ApplicationTable {
        var t = ApplicationTable(format: .v2019)
        for row in [ApplicationRow.new, .unavailable(1), .total] {
            t[row, .naturalPerson] = 21
            t[row, .total] = 21
        }
        return t
    }

    /// Rows where two tables differ, for readable failure messages.
    static func differences(_ a: ApplicationTable, _ b: ApplicationTable) -> [String] {
        a.rows.compactMap { r in
            a.row(r) == b.row(r)
                ? nil : "\(r.id): read \(a.row(r).map(\.description)) expected \(b.row(r).map(\.description))"
        }
    }
}

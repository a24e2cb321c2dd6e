import Foundation
import GongkaiCore

extension CivilDate {
    /// Parses a date as stored (`2020-03-05`) or as officers type it in a CSV (`2020/3/5`, `2020.3.5`).
    public init?(storeText text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "-/.".contains($0) })
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(validating: y, m, d)
    }

    /// `YYYY-MM-DD`, the stored form: text on SQLite and PostgreSQL alike, so that string order is date order.
    public var iso: String { description }

    /// 1 January of `year`.
    public static func startOf(year: Int) -> CivilDate { CivilDate(year, 1, 1) }
    /// 31 December of `year`.
    public static func endOf(year: Int) -> CivilDate { CivilDate(year, 12, 31) }
}

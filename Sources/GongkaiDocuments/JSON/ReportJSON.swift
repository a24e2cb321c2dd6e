import Foundation
import GongkaiCore

/// The public JSON form of an annual report (documented in `docs/REPORT-JSON.md`; stable: fields are only ever
/// added). Section III rows are keyed by `ApplicationRow.id`, section II rows by `ProactiveRow.rawValue`.
///
/// ```swift
/// let data = try ReportJSON.encode(report)
/// let back = try ReportJSON.decode(data, source: "report.json") // == report
/// ```
public enum ReportJSON {
    public static func encode(_ report: AnnualReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(ReportDocument(report))
    }

    /// The report years a JSON report may have: from the Regulation's first year (2008) to 2100.
    public static let acceptedYears = 2008...2100

    /// Decodes and validates; every problem names its JSON path (`sections.applications.rows.withheld.4`) and
    /// says what is wrong in Chinese. A cell past `limits` and a year outside `acceptedYears` are refused.
    public static func decode(
        _ data: Data, source: String, limits: InputLimits = .standard
    ) throws(ReportReadError) -> AnnualReport {
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[.inputLimits] = limits
            return try decoder.decode(ReportDocument.self, from: data).report()
        } catch let error as DecodingError {
            throw .other(file: source, message: describe(error))
        } catch let error as ReportJSONError {
            throw .other(file: source, message: error.message)
        } catch {
            throw .other(file: source, message: "JSON 无法解析")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return (p.isEmpty ? "（顶层）" : p).replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let c):
            return "JSON 缺少字段 " + (c.codingPath.isEmpty ? key.stringValue : "\(path(c)).\(key.stringValue)")
        case .typeMismatch(let type, let c): return "JSON 字段 \(path(c)) 类型不对：应为\(typeName(type))"
        case .valueNotFound(let type, let c): return "JSON 字段 \(path(c)) 不能为 null：应为\(typeName(type))"
        case .dataCorrupted(let c) where c.codingPath.isEmpty: return "JSON 无法解析：\(corruption(c))"
        case .dataCorrupted(let c): return "JSON 字段 \(path(c)) 无法读取：\(corruption(c))"
        @unknown default: return "JSON 无法解析"
        }
    }

    /// A Swift type as the JSON it expects, in Chinese.
    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "字符串"
        case is Int.Type, is Int64.Type: return "整数"
        case is Double.Type: return "数"
        case is Bool.Type: return " true 或 false"
        case is [Any].Type, is [String].Type, is [Cell].Type: return "数组"
        default: return "对象"
        }
    }

    /// Why the data at a path could not be read: our own messages are Chinese already; Foundation's syntax
    /// errors keep only their line and column; a value not among an enumeration's is named as such.
    private static func corruption(_ c: DecodingError.Context) -> String {
        if c.debugDescription.unicodeScalars.contains(where: { $0.value > 0x7F }) { return c.debugDescription }
        let underlying = c.underlyingError.map { "\($0)" } ?? ""
        if c.codingPath.isEmpty {
            let place = underlying.firstMatch(of: /line (\d+), column (\d+)/)
                .map { "（第 \($0.1) 行第 \($0.2) 列附近）" }
            return "不是合法的 JSON\(place ?? "")"
        }
        if let value = c.debugDescription.firstMatch(of: /invalid \w+ value (.*)$/) {
            return "取值「\(value.1)」不是可用的值"
        }
        return "取值无效"
    }
}

struct ReportJSONError: Error {
    var message: String
}

/// The top level of the JSON form.
struct ReportDocument: Codable {
    var agency: String
    var year: Int
    var format: ReportFormat
    var variant: RegionalVariant?
    var title: [String]?
    var preamble: [String]?
    var sections: Sections

    struct Sections: Codable {
        var overview: NarrativeSection?
        var proactive: Proactive
        var applications: Table
        var appeals: Appeals
        var problems: NarrativeSection?
        var otherMatters: NarrativeSection?
    }

    struct Proactive: Codable {
        var heading: String?
        var textBefore: [String]?
        var textAfter: [String]?
        var amountUnit: AmountUnit?
        var rows: OrderedRows
    }

    struct Table: Codable {
        var heading: String?
        var textBefore: [String]?
        var textAfter: [String]?
        var rows: OrderedRows
    }

    struct Appeals: Codable {
        var heading: String?
        var textBefore: [String]?
        var textAfter: [String]?
        var cells: [Cell]
    }

    init(_ r: AnnualReport) {
        agency = r.agency
        year = r.year
        format = r.format
        variant = r.variant
        title = r.title
        preamble = r.preamble
        let p = r.proactive
        let t = r.applications
        let a = r.appeals
        sections = Sections(
            overview: r.overview,
            proactive: Proactive(
                heading: p.heading, textBefore: p.textBefore, textAfter: p.textAfter, amountUnit: p.amountUnit,
                rows: OrderedRows(p.rows.map { ($0.rawValue, p.cells[$0] ?? []) })),
            applications: Table(
                heading: t.heading, textBefore: t.textBefore, textAfter: t.textAfter,
                rows: OrderedRows(t.table.rows.map { ($0.id, t.table.row($0)) })),
            appeals: Appeals(heading: a.heading, textBefore: a.textBefore, textAfter: a.textAfter, cells: a.table.cells),
            problems: r.problems, otherMatters: r.otherMatters)
    }

    func report() throws -> AnnualReport {
        guard ReportJSON.acceptedYears.contains(year) else {
            let years = ReportJSON.acceptedYears
            throw ReportJSONError(
                message: "year：年度应在 \(years.lowerBound)–\(years.upperBound) 之间（条例自 2008 年施行），实为 \(year)")
        }
        var r = AnnualReport(agency: agency, year: year, format: format, variant: variant ?? .national)
        r.title = title ?? r.title
        r.preamble = preamble ?? []
        r.overview = sections.overview ?? r.overview
        r.problems = sections.problems ?? r.problems
        r.otherMatters = sections.otherMatters ?? r.otherMatters
        try fillProactive(&r.proactive)
        try fillApplications(&r.applications)
        let a = sections.appeals
        guard a.cells.count == 15 else {
            throw ReportJSONError(message: "sections.appeals.cells 应有 15 个单元格，实为 \(a.cells.count)")
        }
        r.appeals.table = AppealsTable(cells: a.cells)
        r.appeals.heading = a.heading ?? r.appeals.heading
        r.appeals.textBefore = a.textBefore ?? []
        r.appeals.textAfter = a.textAfter ?? []
        return r
    }

    private func fillProactive(_ p: inout ProactiveSection) throws {
        let s = sections.proactive
        p.heading = s.heading ?? p.heading
        p.textBefore = s.textBefore ?? []
        p.textAfter = s.textAfter ?? []
        p.amountUnit = s.amountUnit
        let known = Dictionary(uniqueKeysWithValues: p.rows.map { ($0.rawValue, $0) })
        for (id, cells) in s.rows.entries {
            guard let row = known[id] else {
                throw ReportJSONError(
                    message: "sections.proactive.rows.\(id)：\(format.rawValue)版（\(variant?.rawValue ?? "national")）没有这一行；"
                        + "可用的行：\(p.rows.map(\.rawValue).joined(separator: ", "))")
            }
            let n = row.columns(in: format).count
            guard cells.count == n else {
                throw ReportJSONError(message: "sections.proactive.rows.\(id) 应有 \(n) 个单元格，实为 \(cells.count)")
            }
            p.cells[row] = cells
        }
    }

    private func fillApplications(_ a: inout ApplicationsSection) throws {
        let s = sections.applications
        a.heading = s.heading ?? a.heading
        a.textBefore = s.textBefore ?? []
        a.textAfter = s.textAfter ?? []
        let rows = Set(a.table.rows)
        for (id, cells) in s.rows.entries {
            guard let row = ApplicationRow(id: id), rows.contains(row) else {
                throw ReportJSONError(message: "sections.applications.rows.\(id)：\(format.rawValue)版没有这一行")
            }
            guard cells.count == 7 else {
                throw ReportJSONError(message: "sections.applications.rows.\(id) 应有 7 个单元格，实为 \(cells.count)")
            }
            a.table.setRow(row, cells)
        }
    }
}

/// A JSON object whose keys keep the format's row order when written.
struct OrderedRows: Codable {
    var entries: [(String, [Cell])]

    init(_ entries: [(String, [Cell])]) { self.entries = entries }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        entries = try c.allKeys.map { ($0.stringValue, try c.decode([Cell].self, forKey: $0)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (k, v) in entries { try c.encode(v, forKey: Key(stringValue: k)) }
    }
}

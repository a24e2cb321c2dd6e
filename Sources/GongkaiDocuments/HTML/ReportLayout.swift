import GongkaiCore

/// One cell of an official report table as a document lays it out: its text, its role and its span.
///
/// Shared by the HTML and DOCX writers so that both reproduce the same merged cells
/// (format reference §2.3–2.5, §3.3–3.5).
struct LayoutCell: Sendable, Equatable {
    /// What the cell is for; HTML maps it to `th`/`td` and `scope`, DOCX to bold or plain text.
    enum Role: Sendable, Equatable {
        case columnHeader, columnGroupHeader, rowHeader, rowGroupHeader, blockTitle, note, data
    }

    var text: String
    var role: Role
    var rowSpan = 1
    var colSpan = 1
    /// Where a data cell sits as findings name it (`ReportLocation`); nil for headers and notes.
    var place: CellPlace? = nil

    var isHeader: Bool { role != .data }
}

/// A data cell's section, row and column in the words findings use: the row by every name it goes by
/// (表二's numbered rows by their label and by their full name, `（三）不予公开 1.属于国家秘密`).
public struct CellPlace: Sendable, Equatable {
    public var section: Int
    public var rows: [String]
    public var column: String

    /// Whether a finding at `location` concerns this cell: the same section, and the same row and column
    /// where the finding names them (a finding naming only a column concerns that whole column). A finding
    /// naming neither concerns the report, not a cell.
    public func concerns(_ location: ReportLocation) -> Bool {
        guard location.section == section, location.row != nil || location.column != nil else { return false }
        return (location.row.map(rows.contains) ?? true) && (location.column.map { $0 == column } ?? true)
    }
}

/// An official report table as rows of laid-out cells; cells covered by a span are left out.
struct LayoutTable: Sendable {
    var caption: String
    var columnCount: Int
    /// Rows at the top that head the whole table (HTML `thead`, DOCX repeated header rows).
    var headerRowCount: Int
    var rows: [[LayoutCell]]
    /// Relative column widths (they sum to 100).
    var columnWidths: [Int]
}

/// The facts about a report that its tables and text do not show: written into our own files
/// (HTML `<meta>`, DOCX/PDF keywords) so that a file we wrote reads back to the same model.
///
/// ```swift
/// ReportMetadata(report).encoded // "gongkai;agency=…;year=2020;format=2019;variant=beijing;unit=tenThousandYuan"
/// ```
struct ReportMetadata: Sendable, Equatable {
    var agency: String
    var year: Int
    var format: ReportFormat
    var variant: RegionalVariant
    var amountUnit: AmountUnit?
    /// The title lines, for formats that lose line breaks (a centred title wraps in a PDF).
    var title: [String]?

    init(agency: String, year: Int, format: ReportFormat, variant: RegionalVariant, amountUnit: AmountUnit?, title: [String]? = nil) {
        self.agency = agency
        self.year = year
        self.format = format
        self.variant = variant
        self.amountUnit = amountUnit
        self.title = title
    }

    init(_ report: AnnualReport) {
        self.init(
            agency: report.agency, year: report.year, format: report.format, variant: report.variant,
            amountUnit: report.proactive.amountUnit, title: report.title)
    }

    static let marker = "gongkai"

    /// `gongkai;agency=…;year=…;format=…;variant=…;unit=…` with `;`, `=` and `%` percent-escaped in values.
    var encoded: String {
        let pairs = [
            ("agency", agency), ("year", String(year)), ("format", format.rawValue), ("variant", variant.rawValue),
            ("unit", amountUnit?.rawValue ?? "none"),
        ] + (title.map { [("title", $0.joined(separator: "\n"))] } ?? [])
        return ([Self.marker] + pairs.map { "\($0.0)=\(Self.escape($0.1))" }).joined(separator: ";")
    }

    /// Parses `encoded`; nil when the text is not our metadata.
    init?(encoded text: String) {
        // LibreOffice writes the keywords of a PDF back separated by ", ".
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first == Self.marker else { return nil }
        var values: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { continue }
            values[String(part[..<eq])] = Self.unescape(String(part[part.index(after: eq)...]))
        }
        guard let agency = values["agency"], let year = values["year"].flatMap({ Int($0) }),
            let format = values["format"].flatMap({ ReportFormat(rawValue: $0) }),
            let variant = values["variant"].flatMap({ RegionalVariant(rawValue: $0) })
        else { return nil }
        self.init(
            agency: agency, year: year, format: format, variant: variant,
            amountUnit: values["unit"].flatMap { AmountUnit(rawValue: $0) },
            title: values["title"].map { $0.components(separatedBy: "\n") })
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ";", with: "%3B")
            .replacingOccurrences(of: "=", with: "%3D").replacingOccurrences(of: ",", with: "%2C")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%3D", with: "=").replacingOccurrences(of: "%3B", with: ";")
            .replacingOccurrences(of: "%25", with: "%")
    }
}

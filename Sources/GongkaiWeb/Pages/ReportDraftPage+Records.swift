import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/reports/{id}/records?row=…&column=…`: the register rows a figure of section II counts — the records
/// behind the number, by the figure's own condition.
extension ReportDraftPage {
    struct RecordCell: Encodable {
        var text: String
        var href: String?
    }

    struct RecordTable: Encodable {
        var caption: String
        var headers: [String]
        var rows: [[RecordCell]]
        /// When the figure counts more rows than the page lists: how many, and where the whole register is.
        var more: String?
        var download: String?

        init(caption: String, register: String, headers: [String], rows: [[RecordCell]]) {
            (self.caption, self.headers) = (caption, headers)
            self.rows = Array(rows.prefix(ReportDraftPage.shownRows))
            if rows.count > ReportDraftPage.shownRows {
                more = "共 \(rows.count) 条，此处列出前 \(ReportDraftPage.shownRows) 条。"
                download = "/staff/registers/\(register).csv"
            }
        }
    }

    /// The rows a figure's page lists of each table; the rest are in the register's download.
    static let shownRows = 2_000

    struct RecordsContent: Encodable {
        var heading: String
        var back: String
        var note: String?
        var tables: [RecordTable]
    }

    func records(_ req: Request) async throws -> Response {
        guard let row = req.query[String.self, at: "row"].flatMap(ProactiveRow.init(rawValue:)),
            let column = req.query[String.self, at: "column"].flatMap(ProactiveColumn.init(rawValue:))
        else { throw Abort(.notFound) }
        let (scope, id, year) = try await draftYear(req)
        guard let found = try await context.office.recordsBehind(row: row, column: column, year: year, scope: scope) else {
            throw Abort(.notFound)
        }
        let format = ReportFormat.official(forYear: year)
        let heading = "\(year)年度报告第二部分「\(row.label(in: format))」·「\(column.label)」：\(found.count)条台账记录"
        let (tables, note) = Self.tables(found)
        return try await renderFigure(
            req, "staff-report-records", id: id, year: year, heading: heading, crumb: "第二部分的台账记录",
            content: RecordsContent(heading: heading, back: Self.href(id), note: note, tables: tables))
    }

    /// The rows as tables of their register's fields.
    static func tables(_ records: ProactiveRecords) -> ([RecordTable], String?) {
        func text(_ s: String?) -> RecordCell { RecordCell(text: s.map { $0.isEmpty ? "—" : $0 } ?? "—") }
        func items(_ caption: String, _ list: [AdministrativeItem]) -> RecordTable {
            RecordTable(caption: caption, register: "administrative-items", headers: ["事项编码", "事项名称", "类别", "生效日期", "失效日期"], rows: list.map {
                [text($0.code), text($0.name), text($0.category.label), text($0.validFrom.iso), text($0.validTo?.iso)]
            })
        }
        switch records {
        case .documents(let documents):
            return ([RecordTable(
                caption: "规章和规范性文件台账", register: "normative-documents", headers: ["文号", "标题", "类别", "制发日期", "公开日期", "废止日期", "有效期至"],
                rows: documents.map { d in
                    [RecordCell(text: d.documentNumber, href: d.id.map { "/staff/normative-documents/\($0)" }), text(d.title), text(d.kind.label),
                     text(d.madeOn.iso), text(d.publishedOn?.iso), text(d.abolishedOn?.iso), text(d.expiresOn?.iso)]
                })], nil)
        case .items(let list):
            return ([items("上一年末有效的事项", list)], nil)
        case .itemChanges(let added, let removed):
            return ([items("本年新增的事项", added), items("本年减少的事项", removed)],
                    "本年增/减 = 新增\(added.count)项 − 减少\(removed.count)项 = \(added.count - removed.count)")
        case .decisions(let decisions, let byID):
            return ([RecordTable(
                caption: "处理决定台账", register: "administrative-decisions", headers: ["决定日期", "决定文书号", "事项编码", "事项名称"],
                rows: decisions.map { d in
                    [text(d.decidedOn.iso), text(d.reference), text(byID[d.itemID]?.code), text(byID[d.itemID]?.name)]
                })], nil)
        case .procurement(let projects):
            return ([RecordTable(
                caption: "政府集中采购台账", register: "procurement-projects", headers: ["项目名称", "签约日期", "金额（元）"],
                rows: projects.map { [text($0.name), text($0.contractedOn.iso), text($0.amountYuan.description)] })],
                    "总金额以万元计，四舍五入到元")
        case .fees(let fees):
            return ([RecordTable(
                caption: "行政事业性收费台账", register: "fee-collections", headers: ["收费日期", "金额（元）"],
                rows: fees.map { [text($0.collectedOn.iso), text($0.amountYuan.description)] })], "收费金额以万元计，四舍五入到元")
        }
    }
}

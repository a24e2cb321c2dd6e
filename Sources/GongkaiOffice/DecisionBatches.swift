import Foundation
import GongkaiCore
import GongkaiStore

/// 双公示 — 行政许可、行政处罚 and other decisions published as a batch with a catalogue item of their category
/// (第二十条第（五）（六）项 …): uploaded in the 处理决定台账's format while the item is a draft, checked row by row as
/// an import of that register would be (the same line and column named), shown to the reviewer beside the item, and
/// entered in the register in the transaction that publishes the item — so that section II counts what the portal
/// shows.
public struct DecisionBatchView: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var itemCode: String
        public var itemName: String
        public var decidedOn: String
        public var reference: String
    }

    public var batch: DecisionBatch
    public var rows: [Row]
    /// What would refuse its publication now (an item removed, a 文号 entered meanwhile …).
    public var problems: [String]
}

extension Office {
    /// 上传处理决定 — sets the batch of item `id` (replacing one uploaded before), while it may be edited. Refused
    /// with every problem named: a file not in the register's format, a row an import would refuse, a decision of
    /// another 第二十条 category than the item's, an item not to be disclosed proactively.
    public func attachDecisions(
        _ id: Int, csv data: Data, fileName: String, limits: InputLimits, scope: AgencyScope, at moment: Moment
    ) async throws -> DecisionBatchView {
        let stored = try await publication(id, scope)
        try requireStep(.edit, stored, scope, what: "拟公开信息")
        let refused = Self.decisionProblems
        guard stored.content.disclosure == .proactive else { throw refused([Self.notProactive(stored.content.disclosure)]) }
        let text: String
        do { text = try CSVTable.decode(data, limits: limits) } catch { throw refused(["\(fileName)：\(error)"]) }
        let view = try await decisionRows(text, fileName: fileName, article20Item: stored.content.article20Item, scope: scope)
        guard view.problems.isEmpty else { throw refused(view.problems) }
        guard !view.rows.isEmpty else { throw refused(["\(fileName) 中没有处理决定"]) }
        try await publications(scope).setDecisionBatch(text, fileName: fileName, rows: view.rows.count, of: id, at: moment)
        return try await decisionBatch(id, scope: scope) ?? { throw StoreError.notFound("处理决定") }()
    }

    /// 删除处理决定 — of an item that may still be edited.
    public func removeDecisions(_ id: Int, scope: AgencyScope, at moment: Moment) async throws {
        let stored = try await publication(id, scope)
        try requireStep(.edit, stored, scope, what: "拟公开信息")
        guard try await publications(scope).removeDecisionBatch(of: id, at: moment) else { throw StoreError.notFound("处理决定") }
    }

    /// Item `id`'s batch with its rows and what would refuse it now (any member of the agency).
    public func decisionBatch(_ id: Int, scope: AgencyScope) async throws -> DecisionBatchView? {
        try await decisionBatch(of: try await publication(id, scope), scope: scope)
    }

    /// The batch of item `stored`, already read.
    func decisionBatch(of stored: StoredPublication, scope: AgencyScope) async throws -> DecisionBatchView? {
        guard let batch = try await publications(scope).decisionBatch(of: stored.id) else { return nil }
        var view = try await decisionRows(batch.csv, fileName: batch.fileName, article20Item: stored.content.article20Item, scope: scope)
        view.batch = batch
        // Once published its rows are in the register: checked again they would be "already stored", not a problem.
        if stored.catalogueItem != nil { view.problems = [] } else if stored.content.disclosure != .proactive {
            view.problems.append(Self.notProactive(stored.content.disclosure))
        }
        return view
    }

    /// Refuses publishing item `stored` while its batch has a problem (the item's category or 公开属性 changed since
    /// the upload, a row no longer fits the register).
    func requireDecisionsFit(_ stored: StoredPublication, scope: AgencyScope) async throws {
        if let batch = try await decisionBatch(of: stored, scope: scope), !batch.problems.isEmpty {
            throw Self.decisionProblems(batch.problems)
        }
    }

    static func decisionProblems(_ reasons: [String]) -> IntakeProblems {
        IntakeProblems(problems: reasons.map { IntakeError(field: "处理决定", reason: $0, key: "decisions", form: "拟公开信息") })
    }

    static func notProactive(_ disclosure: DisclosureAttribute) -> String {
        "双公示的处理决定应当主动公开，本信息的公开属性为\(disclosure.label)"
    }

    /// The rows of a file in the decisions register's format, with every problem an import (and the category rule)
    /// would name.
    func decisionRows(_ text: String, fileName: String, article20Item: Int, scope: AgencyScope) async throws -> DecisionBatchView {
        let spec = try RegisterCatalog.named("administrative-decisions")
        let items = try await DisclosureRepository(database: database, scope: scope).items()
        let byCode = Dictionary(items.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var view = DecisionBatchView(
            batch: DecisionBatch(fileName: fileName, csv: text, rows: 0, uploadedAt: Moment(minuteNumber: 0), uploadedBy: ""), rows: [], problems: [])
        let checked: (summary: ImportSummary, records: [(line: Int, values: [String])])
        do {
            checked = try await RegisterImporter(database: database).check(Data(text.utf8), fileName: fileName, register: spec, scope: scope)
        } catch {
            view.problems = ["\(fileName)：\(error)"]
            return view
        }
        let column = { (name: String) in spec.headers.firstIndex(of: name) ?? 0 }
        let (code, day, reference) = (column("item_code"), column("decided_on"), column("reference"))
        view.problems = checked.summary.issues.map(\.description)
        for (line, values) in checked.records {
            let item = byCode[values[code].trimmingCharacters(in: .whitespaces)]
            view.rows.append(
                DecisionBatchView.Row(itemCode: values[code], itemName: item?.name ?? "", decidedOn: values[day], reference: values[reference]))
            if let item, item.category.article20Item.rawValue != article20Item {
                view.problems.append(
                    "\(fileName) 第\(line)行：事项 \(item.code)（\(item.category.label)）属于第二十条第（\(item.category.article20Item.rawValue)）项，"
                        + "与本信息的信息类别（第（\(article20Item)）项）不符")
            }
        }
        return view
    }
}

extension PublicationFile {
    /// Whether a batch of decisions may be uploaded to it now: it may be edited, is to be disclosed proactively, and
    /// its 第二十条 category is one decisions count in (（五）许可和服务, （六）处罚和强制, （八）收费).
    public var takesDecisions: Bool {
        let c = publication.content
        return actions.contains(.edit) && c.disclosure == .proactive
            && ItemCategory.allCases.contains { $0.article20Item.rawValue == c.article20Item }
    }
}

import FluentKit
import FluentSQL
import GongkaiCore
import SQLKit

/// The register rows behind a figure of section II, as the officer checks them.
public enum ProactiveRecords: Sendable, Hashable {
    /// 规章, 规范性文件: those the column counts.
    case documents([NormativeDocument])
    /// 上一年项目数量: the items valid on 31 December of the year before.
    case items([AdministrativeItem])
    /// 本年增/减: the figure is `added.count - removed.count`.
    case itemChanges(added: [AdministrativeItem], removed: [AdministrativeItem])
    /// 处理决定, each with its item (nil for one whose item is gone).
    case decisions([AdministrativeDecision], items: [Int: AdministrativeItem])
    /// 政府集中采购: the projects contracted in the year (项目数量 counts them, 总金额 sums them).
    case procurement([ProcurementProject])
    /// 收费金额: the fees collected in the year.
    case fees([FeeCollection])

    /// How many rows the list holds.
    public var count: Int {
        switch self {
        case .documents(let d): return d.count
        case .items(let i): return i.count
        case .itemChanges(let added, let removed): return added.count + removed.count
        case .decisions(let d, _): return d.count
        case .procurement(let p): return p.count
        case .fees(let f): return f.count
        }
    }
}

extension DisclosureRepository {
    /// The rows of the registers that figure (`row`, `column`) of section II of `year`'s report counts, by the
    /// figure's own condition (`ProactiveConditions`); nil for a cell the year's format and the agency's region do
    /// not have.
    public func records(behind row: ProactiveRow, _ column: ProactiveColumn, year: Int) async throws -> ProactiveRecords? {
        let (format, variant) = (ReportFormat.official(forYear: year), scope.agency.region)
        guard ProactiveRow.rows(for: format, variant: variant).contains(row), row.columns(in: format).contains(column) else { return nil }
        let y = StoreYear(year: year)
        let categories = ItemCategory.allCases.filter { $0.row(format: format, variant: variant) == row }.map(\.rawValue)
        switch column {
        case .newlyMade, .newlyPublished, .publishedTotal, .issued, .abolished, .inForce:
            guard let condition = ProactiveConditions.document(column, y),
                let kind = DocumentKind.allCases.first(where: { $0.row == row })
            else { return nil }
            let found = try await rows(NormativeDocumentRecord.self, "kind = \(bind: kind.rawValue) AND \(condition)").compactMap { $0.value() }
            return .documents(found.sorted { ($0.madeOn, $0.documentNumber) < ($1.madeOn, $1.documentNumber) })
        case .previousYearItems:
            return .items(try await items(categories, ProactiveConditions.itemValid(on: y.previousEnd)))
        case .itemChange:
            return .itemChanges(
                added: try await items(categories, ProactiveConditions.itemChanged(added: true, y)),
                removed: try await items(categories, ProactiveConditions.itemChanged(added: false, y)))
        case .decisions, .decisionsThisYear:
            guard !categories.isEmpty else { return .decisions([], items: [:]) }
            let found = try await rows(AdministrativeDecisionRecord.self, "category IN (\(binds: categories)) AND \(ProactiveConditions.decided(y))")
                .compactMap { $0.value() }
            let itemIDs = Set(found.map(\.itemID))
            let items = try await AdministrativeItemRecord.query(on: database).filter(\.$agencyID == agencyID)
                .filter(\.$id ~~ itemIDs).all().compactMap { $0.value() }
            return .decisions(
                found.sorted { ($0.decidedOn, $0.reference) < ($1.decidedOn, $1.reference) },
                items: Dictionary(items.compactMap { i in i.id.map { ($0, i) } }, uniquingKeysWith: { a, _ in a }))
        case .procurementProjects, .procurementAmount:
            let found = try await rows(ProcurementProjectRecord.self, ProactiveConditions.contracted(y)).compactMap { $0.value() }
            return .procurement(found.sorted { ($0.contractedOn, $0.name) < ($1.contractedOn, $1.name) })
        case .feeAmount:
            let found = try await rows(FeeCollectionRecord.self, ProactiveConditions.collected(y)).compactMap { $0.value() }
            return .fees(found.sorted { ($0.collectedOn, $0.id ?? 0) < ($1.collectedOn, $1.id ?? 0) })
        }
    }

    private func items(_ categories: [String], _ condition: SQLQueryString) async throws -> [AdministrativeItem] {
        guard !categories.isEmpty else { return [] }
        return try await rows(AdministrativeItemRecord.self, "category IN (\(binds: categories)) AND \(condition)").compactMap { $0.value() }
            .sorted { ($0.category.rawValue, $0.code) < ($1.category.rawValue, $1.code) }
    }

    /// The agency's rows of `M`'s table meeting `condition`, in one query (no list of ids: a figure may count more
    /// rows than a statement may bind).
    private func rows<M: Model>(_ model: M.Type, _ condition: SQLQueryString) async throws -> [M] {
        try await M.query(on: database).filter(.sql(embed: "agency_id = \(bind: agencyID) AND (\(condition))")).all()
    }
}

import FluentKit
import GongkaiCore
import SQLKit

/// The proactive-disclosure registers and appeal cases of one agency — the scope's: a value of another agency is
/// refused, and every query is filtered by the scope's agency.
public struct DisclosureRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    var agencyID: Int { scope.agencyID }

    @discardableResult
    public func add(_ document: NormativeDocument) async throws -> Int {
        try await insert(NormativeDocumentRecord(document), of: document.agencyID)
    }

    @discardableResult
    public func add(_ item: AdministrativeItem) async throws -> Int {
        try await insert(AdministrativeItemRecord(item), of: item.agencyID)
    }

    /// Records a decision under one of the agency's items (the item must belong to the same agency).
    @discardableResult
    public func add(_ decision: AdministrativeDecision) async throws -> Int {
        guard let item = try await AdministrativeItemRecord.find(decision.itemID, on: database),
            item.agencyID == agencyID, let category = ItemCategory(rawValue: item.category)
        else { throw StoreError.notFound("机关 \(agencyID) 的事项 \(decision.itemID)") }
        return try await insert(AdministrativeDecisionRecord(decision, category: category), of: decision.agencyID)
    }

    @discardableResult
    public func add(_ project: ProcurementProject) async throws -> Int {
        try await insert(try ProcurementProjectRecord(project), of: project.agencyID)
    }

    @discardableResult
    public func add(_ fee: FeeCollection) async throws -> Int {
        try await insert(try FeeCollectionRecord(fee), of: fee.agencyID)
    }

    @discardableResult
    public func add(_ item: CatalogueItem) async throws -> Int {
        try await insert(CatalogueItemRecord(item), of: item.agencyID)
    }

    /// Records a reconsideration or litigation case of the agency.
    @discardableResult
    public func add(_ appeal: AppealCase) async throws -> Int {
        try await insert(AppealCaseRecord(appeal, agencyID: agencyID), of: agencyID)
    }

    /// Creates the record of the scope's agency and returns the id the database gave it.
    private func insert<R: Model>(_ record: R, of owner: Int) async throws -> Int where R.IDValue == Int {
        guard owner == agencyID else {
            throw StoreError.invalidValue(field: "agencyID", value: "\(owner)", reason: "不是本机关（编号 \(agencyID)）的记录")
        }
        try await record.create(on: database)
        return try record.requireID()
    }

    /// The catalogue item `id` of the agency, or nil.
    public func catalogueItem(_ id: Int) async throws -> CatalogueItem? {
        try await CatalogueItemRecord.query(on: database).filter(\.$agencyID == agencyID).filter(\.$id == id).first()?.value()
    }

    /// The agency's normative document with 文号 `number`, or nil.
    public func normativeDocument(number: String) async throws -> NormativeDocument? {
        guard !number.isEmpty else { return nil }
        return try await NormativeDocumentRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$documentNumber == number).first()?.value()
    }

    /// Appeal cases about the application `reference`, oldest first.
    public func appeals(ofApplication reference: String) async throws -> [AppealCase] {
        try await AppealCaseRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$applicationReference == reference).sort(\.$filedOn).sort(\.$id).all().map { try $0.value() }
    }

    /// The appeal case `reference` of the agency, or nil.
    public func appeal(_ reference: String) async throws -> AppealCase? {
        try await AppealCaseRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$reference == reference).first()?.value()
    }

    /// Writes the result of the appeal case `appeal` (already decided by the core: once, not before filing).
    public func saveDecision(_ appeal: AppealCase) async throws {
        guard let record = try await AppealCaseRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$reference == appeal.id).first()
        else { throw StoreError.notFound("复议或诉讼案件 \(appeal.id)") }
        (record.result, record.decidedOn) = (appeal.result?.rawValue, appeal.decidedOn?.iso)
        try await record.update(on: database)
    }

    /// Appeal cases of the agency filed in `year`.
    public func appeals(filedIn year: Int) async throws -> [AppealCase] {
        try await AppealCaseRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$filedOn >= CivilDate.startOf(year: year).iso).filter(
                \.$filedOn <= CivilDate.endOf(year: year).iso
            )
            .sort(\.$filedOn).all().map { try $0.value() }
    }

    /// Appeal cases of the agency that count in the report of `year` (`ReportPeriod`): filed by 31 December and
    /// not decided before 1 January.
    public func appeals(countedIn year: Int) async throws -> [AppealCase] {
        try await AppealCaseRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$filedOn <= CivilDate.endOf(year: year).iso)
            .group(.or) { $0.filter(\.$decidedOn == nil).filter(\.$decidedOn >= CivilDate.startOf(year: year).iso) }
            .sort(\.$filedOn).all().map { try $0.value() }
    }

    /// Every administrative item of the agency, by code.
    public func items() async throws -> [AdministrativeItem] {
        try await AdministrativeItemRecord.query(on: database).filter(\.$agencyID == agencyID).sort(\.$code).all().compactMap { $0.value() }
    }

    /// Items of the agency valid on `day`.
    public func itemsValid(on day: CivilDate) async throws -> [AdministrativeItem] {
        try await AdministrativeItemRecord.query(on: database)
            .filter(\.$agencyID == agencyID).filter(\.$validFrom <= day.iso)
            .group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo >= day.iso) }
            .sort(\.$code).all().compactMap { $0.value() }
    }

    /// Procurement projects of the agency contracted in `year`.
    public func procurement(year: Int) async throws -> [ProcurementProject] {
        try await ProcurementProjectRecord.query(on: database)
            .filter(\.$agencyID == agencyID)
            .filter(\.$contractedOn >= CivilDate.startOf(year: year).iso)
            .filter(\.$contractedOn <= CivilDate.endOf(year: year).iso)
            .sort(\.$contractedOn).all().compactMap { $0.value() }
    }
}

extension DisclosureRepository {
    /// Records many decisions at once (bulk import from an enforcement system): each item must belong to the
    /// agency; one multi-row INSERT per 1,000 decisions.
    public func addDecisions(_ decisions: [AdministrativeDecision]) async throws {
        let items = try await AdministrativeItemRecord.query(on: database).filter(\.$agencyID == agencyID).all()
        let categories = Dictionary(uniqueKeysWithValues: items.compactMap { r in r.id.map { ($0, r.category) } })
        let sql = database as! any SQLDatabase
        for start in stride(from: 0, to: decisions.count, by: 1_000) {
            let builder = sql.insert(into: "administrative_decisions")
                .columns("agency_id", "item_id", "category", "decided_on", "reference")
            for d in decisions[start..<min(start + 1_000, decisions.count)] {
                guard d.agencyID == agencyID, let category = categories[d.itemID] else {
                    throw StoreError.notFound("机关 \(agencyID) 的事项 \(d.itemID)")
                }
                builder.values([agencyID, d.itemID, category, d.decidedOn.iso, d.reference])
            }
            try await builder.run()
        }
    }
}

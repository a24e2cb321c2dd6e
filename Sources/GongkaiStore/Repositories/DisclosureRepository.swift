import FluentKit
import GongkaiCore
import SQLKit

/// The proactive-disclosure registers of one agency, plus appeal cases and holiday overrides.
public struct DisclosureRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    @discardableResult
    public func add(_ document: NormativeDocument) async throws -> Int {
        try await insert(NormativeDocumentRecord(document))
    }

    @discardableResult
    public func add(_ item: AdministrativeItem) async throws -> Int {
        try await insert(AdministrativeItemRecord(item))
    }

    /// Records a decision under one of the agency's items (the item must belong to the same agency).
    @discardableResult
    public func add(_ decision: AdministrativeDecision) async throws -> Int {
        guard let item = try await AdministrativeItemRecord.find(decision.itemID, on: database),
            item.agencyID == decision.agencyID, let category = ItemCategory(rawValue: item.category)
        else { throw StoreError.notFound("机关 \(decision.agencyID) 的事项 \(decision.itemID)") }
        return try await insert(AdministrativeDecisionRecord(decision, category: category))
    }

    @discardableResult
    public func add(_ project: ProcurementProject) async throws -> Int {
        try await insert(try ProcurementProjectRecord(project))
    }

    @discardableResult
    public func add(_ fee: FeeCollection) async throws -> Int {
        try await insert(try FeeCollectionRecord(fee))
    }

    @discardableResult
    public func add(_ item: CatalogueItem) async throws -> Int {
        try await insert(CatalogueItemRecord(item))
    }

    /// Records a reconsideration or litigation case of `agencyID`.
    @discardableResult
    public func add(_ appeal: AppealCase, agencyID: Int) async throws -> Int {
        try await insert(AppealCaseRecord(appeal, agencyID: agencyID))
    }

    /// Creates the record and returns the id the database gave it.
    private func insert<R: Model>(_ record: R) async throws -> Int where R.IDValue == Int {
        try await record.create(on: database)
        return try record.requireID()
    }

    public func add(_ holiday: HolidayOverride) async throws {
        try await HolidayOverrideRecord(holiday).create(on: database)
    }

    /// Appeal cases of `agencyID` filed in `year`.
    public func appeals(filedIn year: Int, agencyID: Int) async throws -> [AppealCase] {
        try await AppealCaseRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$filedOn >= CivilDate.startOf(year: year).iso).filter(
                \.$filedOn <= CivilDate.endOf(year: year).iso
            )
            .sort(\.$filedOn).all().map { try $0.value() }
    }

    /// Items of `agencyID` valid on `day`.
    public func itemsValid(on day: CivilDate, agencyID: Int) async throws -> [AdministrativeItem] {
        try await AdministrativeItemRecord.query(on: database)
            .filter(\.$agencyID == agencyID).filter(\.$validFrom <= day.iso)
            .group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo >= day.iso) }
            .sort(\.$code).all().compactMap { $0.value() }
    }

    /// Procurement projects of `agencyID` contracted in `year`.
    public func procurement(year: Int, agencyID: Int) async throws -> [ProcurementProject] {
        try await ProcurementProjectRecord.query(on: database)
            .filter(\.$agencyID == agencyID)
            .filter(\.$contractedOn >= CivilDate.startOf(year: year).iso)
            .filter(\.$contractedOn <= CivilDate.endOf(year: year).iso)
            .sort(\.$contractedOn).all().compactMap { $0.value() }
    }

    /// Holiday overrides in `year`.
    public func holidayOverrides(year: Int) async throws -> [HolidayOverride] {
        try await HolidayOverrideRecord.query(on: database)
            .filter(\.$day >= CivilDate.startOf(year: year).iso).filter(\.$day <= CivilDate.endOf(year: year).iso)
            .sort(\.$day).all().compactMap { $0.value() }
    }
}

extension DisclosureRepository {
    /// Records many decisions at once (bulk import from an enforcement system): each item must belong to the
    /// agency; one multi-row INSERT per 1,000 decisions.
    public func addDecisions(_ decisions: [AdministrativeDecision], agencyID: Int) async throws {
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

import FluentKit
import GongkaiCore

/// Row of `normative_documents`.
final class NormativeDocumentRecord: Model, @unchecked Sendable {
    static let schema = "normative_documents"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "made_on") var madeOn: String
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "abolished_on") var abolishedOn: String?
    @OptionalField(key: "expires_on") var expiresOn: String?

    init() {}

    init(_ d: NormativeDocument) {
        id = d.id
        agencyID = d.agencyID
        kind = d.kind.rawValue
        title = d.title
        documentNumber = d.documentNumber
        madeOn = d.madeOn.iso
        publishedOn = d.publishedOn?.iso
        abolishedOn = d.abolishedOn?.iso
        expiresOn = d.expiresOn?.iso
    }

    func value() -> NormativeDocument? {
        guard let k = DocumentKind(rawValue: kind), let made = CivilDate(storeText: madeOn) else { return nil }
        return NormativeDocument(
            id: id, agencyID: agencyID, kind: k, title: title, documentNumber: documentNumber, madeOn: made,
            publishedOn: publishedOn.flatMap(CivilDate.init(storeText:)),
            abolishedOn: abolishedOn.flatMap(CivilDate.init(storeText:)), expiresOn: expiresOn.flatMap(CivilDate.init(storeText:)))
    }
}

/// Row of `administrative_items`.
final class AdministrativeItemRecord: Model, @unchecked Sendable {
    static let schema = "administrative_items"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "category") var category: String
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?

    init() {}

    init(_ i: AdministrativeItem) {
        id = i.id
        agencyID = i.agencyID
        category = i.category.rawValue
        code = i.code
        name = i.name
        validFrom = i.validFrom.iso
        validTo = i.validTo?.iso
    }

    func value() -> AdministrativeItem? {
        guard let c = ItemCategory(rawValue: category), let from = CivilDate(storeText: validFrom) else { return nil }
        return AdministrativeItem(
            id: id, agencyID: agencyID, category: c, code: code, name: name, validFrom: from,
            validTo: validTo.flatMap(CivilDate.init(storeText:)))
    }
}

/// Row of `administrative_decisions`; `category` is copied from the item so the report counts without a join.
final class AdministrativeDecisionRecord: Model, @unchecked Sendable {
    static let schema = "administrative_decisions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "item_id") var itemID: Int
    @Field(key: "category") var category: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "reference") var reference: String

    init() {}

    init(_ d: AdministrativeDecision, category: ItemCategory) {
        id = d.id
        agencyID = d.agencyID
        itemID = d.itemID
        self.category = category.rawValue
        decidedOn = d.decidedOn.iso
        reference = d.reference
    }

    func value() -> AdministrativeDecision? {
        guard let day = CivilDate(storeText: decidedOn) else { return nil }
        return AdministrativeDecision(id: id, agencyID: agencyID, itemID: itemID, decidedOn: day, reference: reference)
    }
}

/// Row of `procurement_projects`; the amount is kept in fen (分), an exact integer.
final class ProcurementProjectRecord: Model, @unchecked Sendable {
    static let schema = "procurement_projects"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "name") var name: String
    @Field(key: "contracted_on") var contractedOn: String
    @Field(key: "amount_fen") var amountFen: Int64

    init() {}

    init(_ p: ProcurementProject) throws {
        id = p.id
        agencyID = p.agencyID
        name = p.name
        contractedOn = p.contractedOn.iso
        amountFen = try Money.fen(p.amountYuan)
    }

    func value() -> ProcurementProject? {
        guard let day = CivilDate(storeText: contractedOn) else { return nil }
        return ProcurementProject(
            id: id, agencyID: agencyID, name: name, contractedOn: day, amountYuan: Money.yuan(amountFen))
    }
}

/// Row of `fee_collections`; the amount in fen.
final class FeeCollectionRecord: Model, @unchecked Sendable {
    static let schema = "fee_collections"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @OptionalField(key: "item_id") var itemID: Int?
    @Field(key: "collected_on") var collectedOn: String
    @Field(key: "amount_fen") var amountFen: Int64

    init() {}

    init(_ f: FeeCollection) throws {
        id = f.id
        agencyID = f.agencyID
        itemID = f.itemID
        collectedOn = f.collectedOn.iso
        amountFen = try Money.fen(f.amountYuan)
    }

    func value() -> FeeCollection? {
        guard let day = CivilDate(storeText: collectedOn) else { return nil }
        return FeeCollection(id: id, agencyID: agencyID, itemID: itemID, collectedOn: day, amountYuan: Money.yuan(amountFen))
    }
}

/// Row of `catalogue_items`; channels joined with "、".
final class CatalogueItemRecord: Model, @unchecked Sendable {
    static let schema = "catalogue_items"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "index_number") var indexNumber: String
    @Field(key: "article20_item") var article20Item: Int
    @Field(key: "title") var title: String
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "published_on") var publishedOn: String
    @Field(key: "channels") var channels: String
    @OptionalField(key: "subject") var subject: String?
    @OptionalField(key: "written_on") var writtenOn: String?
    @OptionalField(key: "publisher") var publisher: String?
    @OptionalField(key: "body") var body: String?
    @OptionalField(key: "visible_from") var visibleFrom: String?
    @OptionalField(key: "revoked_at") var revokedAt: String?
    @OptionalField(key: "revoke_reason") var revokeReason: String?
    /// NULL: 主动公开; `onRequest`: 依申请公开 (entry only).
    @OptionalField(key: "disclosure") var disclosure: String?

    init() {}

    init(_ c: CatalogueItem) {
        id = c.id
        agencyID = c.agencyID
        indexNumber = c.indexNumber
        article20Item = c.article20Item
        title = c.title
        documentNumber = c.documentNumber
        publishedOn = c.publishedOn.iso
        channels = c.channels.joined(separator: "、")
        subject = c.subject.isEmpty ? nil : c.subject
        writtenOn = c.writtenOn?.iso
        publisher = c.publisher
        body = c.body.isEmpty ? nil : c.body
        visibleFrom = c.visibleFrom?.description
        disclosure = c.disclosure == .proactive ? nil : c.disclosure.rawValue
    }

    /// The item, or nil for a row whose date is not one (only a hand-edited database has such rows).
    func value() -> CatalogueItem? {
        guard let day = CivilDate(storeText: publishedOn) else { return nil }
        return CatalogueItem(
            id: id, agencyID: agencyID, indexNumber: indexNumber, article20Item: article20Item, title: title,
            documentNumber: documentNumber, publishedOn: day,
            channels: channels.split(separator: "、").map(String.init), subject: subject ?? "",
            writtenOn: writtenOn.flatMap(CivilDate.init(storeText:)), publisher: publisher, body: body ?? "",
            visibleFrom: visibleFrom.flatMap(Moment.init(parsing:)),
            disclosure: disclosure.flatMap(DisclosureAttribute.init(rawValue:)) ?? .proactive)
    }
}

/// Row of `holiday_overrides`.
final class HolidayOverrideRecord: Model, @unchecked Sendable {
    static let schema = "holiday_overrides"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "day") var day: String
    @Field(key: "is_working_day") var isWorkingDay: Bool
    @Field(key: "name") var name: String

    init() {}

    init(_ h: HolidayOverride) {
        day = h.date.iso
        isWorkingDay = h.isWorkingDay
        name = h.name
    }

    func value() -> HolidayOverride? {
        guard let d = CivilDate(storeText: day) else { return nil }
        return HolidayOverride(date: d, isWorkingDay: isWorkingDay, name: name)
    }
}

import Foundation
import GongkaiCore
import GongkaiStore

/// 规范性文件的有效性 as its form posts it: 废止日期 and 有效期至 (empty: none) and the basis or reason of the change
/// (the repealing decision's 文号, or why a date is corrected).
public struct ValidityForm: Sendable, Hashable {
    public var abolishedOn: String
    public var expiresOn: String
    public var note: String

    public init(abolishedOn: String, expiresOn: String, note: String) {
        (self.abolishedOn, self.expiresOn, self.note) = (abolishedOn, expiresOn, note)
    }
}

/// One 规章 or 规范性文件 as its page shows it: the document, its validity on the day, its history, and whether the
/// user may change it.
public struct NormativeDocumentFile: Sendable {
    public var document: NormativeDocument
    public var validity: String
    public var history: [NormativeDocumentEvent]
    public var mayChange: Bool
}

extension Office {
    /// The agency's 规章 and 规范性文件 with their validity on `day` (现行有效, 已废止（日期）, 已失效（有效期至…）).
    public func normativeDocumentList(scope: AgencyScope, on day: CivilDate) async throws -> [(NormativeDocument, String)] {
        try await DisclosureRepository(database: database, scope: scope).normativeDocuments().map { ($0, $0.validity(on: day)) }
    }

    /// Document `id` of the agency, on `day`.
    public func normativeDocumentFile(_ id: Int, scope: AgencyScope, on day: CivilDate) async throws -> NormativeDocumentFile {
        guard let (document, history) = try await DisclosureRepository(database: database, scope: scope).normativeDocument(id: id) else {
            throw StoreError.notFound("规范性文件 \(id)")
        }
        return NormativeDocumentFile(
            document: document, validity: document.validity(on: day), history: history, mayChange: CasePermissions.mayHandle(role: scope.role))
    }

    /// 废止, 有效期 and their correction — sets a document's 废止日期 and 有效期至 (承办人, 负责人, 管理员), recorded with
    /// the values before and after and the basis. The portal's 有效性 and section II (本年废止件数, 现行有效件数) follow
    /// at once. Neither date may come before the document was made; the basis is required; a form that changes
    /// nothing is refused; every bad field is named at once.
    public func changeNormativeDocumentValidity(
        _ id: Int, _ form: ValidityForm, expected: NormativeDocument, scope: AgencyScope, at moment: Moment
    ) async throws -> NormativeDocument {
        guard CasePermissions.mayHandle(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "修改规范性文件的有效性")
        }
        let current = try await normativeDocumentFile(id, scope: scope, on: moment.date).document
        var problems: [IntakeError] = []
        func date(_ text: String, _ field: String, _ key: String) -> CivilDate? {
            let t = text.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { return nil }
            guard let d = CivilDate(parsing: t) else {
                problems.append(IntakeError(field: field, reason: "不是有效的日期（应为 YYYY-MM-DD）", key: key, form: "规范性文件"))
                return nil
            }
            if d < current.madeOn {
                problems.append(IntakeError(field: field, reason: "不能早于制发日期 \(current.madeOn.iso)", key: key, form: "规范性文件"))
            } else if d.year > 2100 {
                problems.append(IntakeError(field: field, reason: "年份不合理（应不晚于2100年）", key: key, form: "规范性文件"))
            }
            return d
        }
        let abolished = date(form.abolishedOn, "废止日期", "abolishedOn")
        let expires = date(form.expiresOn, "有效期至", "expiresOn")
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty || note.count > 500 {
            problems.append(IntakeError(field: "依据或理由", reason: "必填，不超过500字（如废止决定的文号，或更正的理由）", key: "note", form: "规范性文件"))
        }
        if problems.isEmpty, abolished == current.abolishedOn, expires == current.expiresOn {
            problems.append(IntakeError(field: "废止日期", reason: "与现在的记录相同，没有需要保存的变化", key: "abolishedOn", form: "规范性文件"))
        }
        guard problems.isEmpty else { throw IntakeProblems(problems: problems) }
        let action: String
        switch (current.abolishedOn, abolished) {
        case (nil, .some): action = "废止"
        case (.some, nil): action = "撤销废止记录（更正）"
        case (.some, .some) where current.abolishedOn != abolished: action = "更正废止日期"
        default: action = current.expiresOn == nil ? "设定有效期" : "修改有效期"
        }
        return try await DisclosureRepository(database: database, scope: scope).setValidity(
            of: id, expected: expected, abolishedOn: abolished, expiresOn: expires, action: action, note: note, at: moment)
    }
}

import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiStore

/// The letters of one event of a case: the kind the law asks for and every letter made for it so far (the first,
/// then each correction), oldest first.
public struct LetterSlot: Hashable, Sendable {
    public var eventIndex: Int
    public var event: ApplicationEvent
    public var kind: LetterKind
    public var letters: [StoredLetter]

    /// The letter that stands: the newest one (a waiting draft, or the last issued).
    public var current: StoredLetter? { letters.last }
}

/// 文书权限 — who may draft and who may issue letters. The agency's own processes (no user) may do both.
///
/// | role                    | draft, revise, discard, correct | issue (签发) |
/// |-------------------------|---------------------------------|--------------|
/// | 管理员, 负责人            | yes                             | yes          |
/// | 承办人                  | yes                             | no           |
/// | 审核人                  | no                              | yes          |
/// | 登记员, 查阅人, 监督人   | no                              | no           |
public enum LetterPermissions {
    public static func mayDraft(role: String?) -> Bool { CasePermissions.mayHandle(role: role) }
    public static func mayIssue(role: String?) -> Bool { role.map { ["admin", "head", "reviewer"].contains($0) } ?? true }
}

extension Office {
    func letterStore(_ scope: AgencyScope) -> LetterRepository { LetterRepository(database: database, scope: scope) }

    /// Every event of the case that the law answers with a letter, with the letters made for it.
    public func letterSlots(for file: CaseFile, scope: AgencyScope) async throws -> [LetterSlot] {
        let letters = try await letterStore(scope).letters(of: file.value.id)
        return file.value.events.enumerated().compactMap { index, event in
            guard let kind = LetterKind(for: event.kind) else { return nil }
            return LetterSlot(
                eventIndex: index, event: event, kind: kind, letters: letters.filter { $0.eventIndex == index })
        }
    }

    /// 拟制文书: the first draft of the letter for event `eventIndex` of case `reference` (`LetterDrafter`, in the
    /// agency's own wording where it has a template for the kind), stored
    /// as a draft; a draft already waiting is returned as it is. Refused once the letter is issued (correct it).
    public func draftLetter(reference: String, eventIndex: Int, scope: AgencyScope, at moment: Moment) async throws
        -> StoredLetter
    {
        try requireLetters(LetterPermissions.mayDraft(role: scope.role), scope, "拟制文书")
        let file = try await caseFile(reference, scope: scope, on: moment.date)
        let c = file.value
        guard c.log.indices.contains(eventIndex) else { throw LetterError.noSuchEvent(reference: c.id, index: eventIndex) }
        var template: LetterTemplate?
        if let kind = LetterKind(for: c.events[eventIndex].kind) {
            template = try await LetterTemplateRepository(database: database, scope: scope).all()[kind]
        }
        guard let letter = LetterDrafter.draft(
            for: c, eventIndex: eventIndex, context: try await letterContext(scope, on: c.events[eventIndex].date),
            calendar: calendar, template: template)
        else { throw LetterError.noLetterForEvent(reference: c.id, event: c.events[eventIndex].kind.label) }
        return try await letterStore(scope).create(letter, reference: c.id, eventIndex: eventIndex, replacing: nil, at: moment)
    }

    /// 修改草稿: the draft's addressee and body as the officer wrote them (paragraphs without empty ones).
    public func reviseLetter(
        _ id: Int, addressee: String, paragraphs: [String], expectedVersion: Int, scope: AgencyScope
    ) async throws -> StoredLetter {
        try requireLetters(LetterPermissions.mayDraft(role: scope.role), scope, "修改文书")
        var letter = try await letter(id, scope: scope).letter
        letter.addressee = addressee.trimmingCharacters(in: .whitespacesAndNewlines)
        letter.paragraphs = paragraphs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !letter.addressee.isEmpty else { throw LetterError.empty(field: "主送（addressee）") }
        guard !letter.paragraphs.isEmpty else { throw LetterError.empty(field: "正文（body）") }
        return try await letterStore(scope).revise(id, to: letter, expectedVersion: expectedVersion)
    }

    /// 删除草稿 — a draft has no number, so the series keeps no gap.
    public func discardLetter(_ id: Int, expectedVersion: Int, scope: AgencyScope) async throws {
        try requireLetters(LetterPermissions.mayDraft(role: scope.role), scope, "删除文书草稿")
        try await letterStore(scope).discard(id, expectedVersion: expectedVersion)
    }

    /// 签发: numbers the draft in the agency's series for its year and locks it; refused while a 【…】 blank is
    /// left. A letter to an applicant who gave an e-mail address is queued in the outbox in the same transaction: an
    /// issued letter always has its notice, a refused issue none.
    public func issueLetter(_ id: Int, expectedVersion: Int, scope: AgencyScope, at moment: Moment) async throws
        -> StoredLetter
    {
        try requireLetters(LetterPermissions.mayIssue(role: scope.role), scope, "签发文书")
        let draft = try await letter(id, scope: scope)
        let blanks = draft.letter.blanks
        guard blanks.isEmpty else { throw LetterError.blanksLeft(blanks) }
        let notice = try await letterNotice(reference: draft.reference, scope: scope, at: moment)
        return try await letterStore(scope).issue(
            id, prefix: scope.agency.letterSeriesPrefix, expectedVersion: expectedVersion, at: moment, then: notice)
    }

    /// 更正: a new draft that copies the issued letter `id` and names it as the one it replaces, with `reason`.
    public func correctLetter(_ id: Int, reason: String, scope: AgencyScope, at moment: Moment) async throws
        -> StoredLetter
    {
        try requireLetters(LetterPermissions.mayDraft(role: scope.role), scope, "更正文书")
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LetterError.empty(field: "更正原因（reason）") }
        let old = try await letter(id, scope: scope)
        guard old.isIssued, let number = old.letter.number else { throw LetterError.notCorrectable("草稿可以直接修改") }
        var letter = old.letter
        (letter.number, letter.replaces, letter.correctionReason) = (nil, number, reason)
        return try await letterStore(scope).create(
            letter, reference: old.reference, eventIndex: old.eventIndex, replacing: id, at: moment)
    }

    /// The letter `id` of the scope's agency.
    public func letter(_ id: Int, scope: AgencyScope) async throws -> StoredLetter {
        guard let letter = try await letterStore(scope).find(id) else { throw LetterError.notFound(id) }
        return letter
    }

    /// The issued letter `id` as a Word file (GB/T 9704 layout) or, through LibreOffice, a PDF.
    public func letterFile(_ id: Int, pdf: Bool, scope: AgencyScope) async throws -> Data {
        try Self.file(of: try await letter(id, scope: scope), pdf: pdf)
    }

    static func file(of stored: StoredLetter, pdf: Bool) throws -> Data {
        guard stored.isIssued else { throw LetterError.notCorrectable("草稿没有正式文本，签发后才能下载") }
        let docx = try LetterDOCXWriter.render(stored.letter)
        return pdf ? try PDFReportWriter.convert(docx: docx) : docx
    }

    /// The agency's name and the remedies of its guide in force on `day` (or its first, for a day before it).
    func letterContext(_ scope: AgencyScope, on day: CivilDate) async throws -> LetterContext {
        let versions = try await GuideRepository(database: database, scope: scope).versions()
        let details = (versions.first { $0.effectiveOn <= day } ?? versions.last)?.details
        return LetterContext(
            agencyName: scope.agency.name,
            remedies: details.map { Remedies(reconsiderationBody: $0.reconsiderationBody, court: $0.court) })
    }

    private func requireLetters(_ allowed: Bool, _ scope: AgencyScope, _ action: String) throws {
        guard allowed else { throw CaseError.notPermitted(user: scope.actor, action: action) }
    }
}

extension Office {
    /// 文书模板 of the administrator's agency: its own wording of each kind that has one.
    public func letterTemplates(by admin: StaffMember) async throws -> [LetterKind: LetterTemplate] {
        try StaffSignIn.requireAdministrator(admin, "查看文书模板")
        return try await LetterTemplateRepository(database: database, scope: admin.scope).all()
    }

    /// Saves the agency's wording of `kind` (paragraphs one per line; empty lines dropped), or, when `text` is
    /// empty, goes back to the built-in wording. Letters already drafted keep their text.
    public func saveLetterTemplate(_ kind: LetterKind, text: String, by admin: StaffMember, at moment: Moment) async throws {
        try StaffSignIn.requireAdministrator(admin, "修改文书模板")
        let paragraphs = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let repository = LetterTemplateRepository(database: database, scope: admin.scope)
        guard !paragraphs.isEmpty else { return try await repository.remove(kind) }
        let unknown = Set(paragraphs.flatMap(LetterTemplate.placeholders(in:))).subtracting(LetterTemplate.placeholders)
        guard unknown.isEmpty else {
            throw IntakeError(
                field: "模板", reason: "没有这些占位符：" + unknown.sorted().map { "{\($0)}" }.joined(separator: "、")
                    + "；可用：" + LetterTemplate.placeholders.map { "{\($0)}" }.joined(separator: "、"),
                key: "template-\(kind.rawValue)")
        }
        try await repository.save(LetterTemplate(kind: kind, paragraphs: paragraphs), at: moment)
    }
}

import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiStore

/// 年度报告草稿 as its page shows it: the report (the registers' tables with the draft's words), what the checker
/// finds, what blocks submission, the sentences offered for 一、总体情况, the 31 January deadline, the versions
/// already published, and the steps the user may take now.
public struct ReportDraftFile: Sendable {
    public var draft: StoredReportDraft
    public var report: AnnualReport
    /// Alone and against the year before.
    public var findings: [Finding]
    /// Those of `findings` that keep it from being submitted or approved (`ReportDraftRules.blocking`).
    public var blocking: [Finding]
    public var suggestions: [String]
    public var checklist: ConfidentialityChecklist
    public var deadline: ReportDeadlineStatus
    /// The versions of the year already published (an amendment when not empty).
    public var published: [PublishedReport]
    public var actions: Set<ReviewStep>

    public var isAmendment: Bool { !published.isEmpty }
}

/// 年度报告年份一览 — one line per year: its deadline, the open draft and the published versions, and for a
/// published year the sections whose registers have changed since (a late record: an amendment is due).
public struct ReportYear: Sendable {
    public var year: Int
    public var deadline: ReportDeadlineStatus
    public var openDraft: StoredReportDraft?
    public var published: [PublishedReport]
    /// 第二部分 … 第四部分 of a published year whose registers now count otherwise.
    public var changedSince: [String]
}

extension Office {
    func reportDrafts(_ scope: AgencyScope) -> ReportDraftRepository { ReportDraftRepository(database: database, scope: scope) }

    /// The years a member works on: the year before `day`'s (due by 31 January), every year with a draft or a
    /// published report, newest first. Any member of the agency may read it.
    public func reportYears(scope: AgencyScope, on day: CivilDate) async throws -> [ReportYear] {
        let published = PublishedReportRepository(database: database, scope: scope)
        let drafts = try await reportDrafts(scope).list()
        let years = Set(try await published.years() + drafts.map(\.year) + [day.year - 1]).filter { $0 >= 2008 && $0 < day.year }
        var out: [ReportYear] = []
        for year in years.sorted(by: >) {
            let versions = try await published.versions(year: year)
            var changed: [String] = []
            if let latest = versions.last {
                let snapshot = try ReportJSON.decode(Data(latest.json.utf8), source: "published-\(year)")
                changed = Self.sectionsDiffering(snapshot, try await registersReport(scope, year: year))
            }
            out.append(ReportYear(
                year: year,
                deadline: AnnualReportDeadline.status(reportYear: year, publishedOn: versions.first?.publishedAt?.date, today: day),
                openDraft: drafts.first { $0.year == year && $0.state != .approved }, published: versions, changedSince: changed))
        }
        return out
    }

    /// 起草年度报告 — opens the draft of `year` (承办人, 负责人, 管理员). A year not yet published starts from the
    /// sentences the registers' figures give; a published year starts from its latest version's words (an amendment).
    public func openReportDraft(year: Int, scope: AgencyScope, at moment: Moment) async throws -> StoredReportDraft {
        try requireAuthor(scope, "起草年度报告")
        try ReportDraftRules.requireReportable(year: year, today: moment.date)
        if let open = try await reportDrafts(scope).openDraft(year: year) { return open }
        let versions = try await PublishedReportRepository(database: database, scope: scope).versions(year: year)
        let text: ReportText
        if let latest = versions.last {
            text = ReportText(of: try ReportJSON.decode(Data(latest.json.utf8), source: "published-\(year)"))
        } else {
            var start = try await report(agencyID: scope.agencyID, year: year).report
            start.preamble = ["依据《中华人民共和国政府信息公开条例》（以下简称《政府信息公开条例》）第五十条规定，编制本报告。"]
            start.overview.text = ReportSentences.overview(start)
            text = ReportText(of: start)
        }
        return try await reportDrafts(scope).open(year: year, text: text, amendmentNote: nil, at: moment)
    }

    /// The draft `id` as its page shows it on `moment`'s day.
    public func reportDraftFile(_ id: Int, scope: AgencyScope, at moment: Moment) async throws -> ReportDraftFile {
        let draft = try await reportDraft(id, scope)
        let built = try await report(agencyID: scope.agencyID, year: draft.year)
        let published = try await PublishedReportRepository(database: database, scope: scope).versions(year: draft.year)
        var report = draft.text.applied(to: built.report)
        if !published.isEmpty, let note = draft.amendmentNote {
            report = ReportDraftRules.amended(report, version: published.count + 1, on: moment.date, note: note)
        }
        let checker = ReportChecker()
        var findings = checker.check(report) + ReportDraftRules.emptySections(report)
        if draft.year - 1 >= 2019 { findings += checker.check(previous: built.previous, current: report) }
        let checklist = try await publications(scope).settings().checklist
        let actions = offeredSteps([.edit, .submit, .review, .approve], draft, scope)
        return ReportDraftFile(
            draft: draft, report: report, findings: findings, blocking: ReportDraftRules.blocking(findings),
            suggestions: ReportSentences.overview(built.report), checklist: checklist,
            deadline: AnnualReportDeadline.status(reportYear: draft.year, publishedOn: published.first?.publishedAt?.date, today: moment.date),
            published: published, actions: actions)
    }

    /// 保存 — the draft's words (while a draft or returned), read at `expectedVersion`.
    public func saveReportDraft(
        _ id: Int, _ form: ReportTextForm, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredReportDraft {
        let draft = try await reportDraft(id, scope)
        try requireStep(.edit, draft, scope, what: "年度报告")
        let text = try form.applied(to: draft.text)
        let note = form.amendmentNote?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await reportDrafts(scope).transition(id, expectedVersion: expectedVersion, to: draft.state, action: "修改", at: moment) {
            try $0.setText(text, amendmentNote: note?.isEmpty ?? true ? nil : note)
        }
    }

    /// 提交审核 — only when nothing blocks it (the checker's errors, the text contradicting the tables, an empty
    /// section) and an amendment says what it changes.
    public func submitReportDraft(_ id: Int, expectedVersion: Int, scope: AgencyScope, at moment: Moment) async throws -> StoredReportDraft {
        let file = try await reportDraftFile(id, scope: scope, at: moment)
        try requireStep(.submit, file.draft, scope, what: "年度报告")
        try Self.requirePublishable(file)
        let next = try ReportDraftRules.next(file.draft.state, .submit, checklist: file.checklist)
        let user = scope.actor
        return try await reportDrafts(scope).transition(id, expectedVersion: expectedVersion, to: next, action: "提交审核", at: moment) {
            $0.setSubmitter(user)
        }
    }

    /// 保密审查 of a report (审核人, 负责人, 管理员; never its author or submitter): passes it to the 负责人 with every
    /// question answered 否, or returns it with comments. A report is never withheld.
    public func reviewReportDraft(
        _ id: Int, _ decision: ReviewDecision, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredReportDraft {
        let draft = try await reportDraft(id, scope)
        try requireStep(.review, draft, scope, what: "年度报告")
        let checklist = try await publications(scope).settings().checklist
        let (action, answers, note) = decision.step(checklist: checklist)
        let next = try ReportDraftRules.next(draft.state, action, checklist: checklist)
        let user = scope.actor
        return try await reportDrafts(scope).transition(id, expectedVersion: expectedVersion, to: next, action: action.label, note: note, at: moment) {
            $0.setReview(by: user, answers: answers)
        }
    }

    /// 同意公布 — the 负责人 approves a reviewed report: it is published as a locked snapshot in the same transaction,
    /// checked once more against the registers as they are now; an amendment with its note, and its footnote at the
    /// end of the report (`ReportDraftRules.amended`).
    public func approveReportDraft(_ id: Int, expectedVersion: Int, scope: AgencyScope, at moment: Moment) async throws -> StoredReportDraft {
        let file = try await reportDraftFile(id, scope: scope, at: moment)
        try requireStep(.approve, file.draft, scope, what: "年度报告")
        try Self.requirePublishable(file)
        // `file.report` holds the registers' tables as they are now, and its errors block above: no check to repeat.
        let snapshot = try Self.snapshot(file.report)
        let (year, note, before) = (file.report.year, file.draft.amendmentNote, file.published.count)
        return try await reportDrafts(scope).approve(id, expectedVersion: expectedVersion, action: "同意公布", at: moment) { repository in
            // The footnote names the version: another version published meanwhile makes this one stale.
            guard try await repository.versions(year: year).count == before else { throw ReportDraftStoreError.publishedMeanwhile(year: year) }
            let stored = try await self.amendmentNote(note, year: year, repository: repository)
            return try await repository.publish(year: year, json: snapshot.json, contentHash: snapshot.hash, note: stored, at: moment)
        }
    }

    /// 退回修改 with comments: by the reviewer of a report in review, or by the 负责人 of one awaiting approval.
    public func returnReportDraft(
        _ id: Int, comments: String, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredReportDraft {
        let draft = try await reportDraft(id, scope)
        guard draft.state == .awaitingApproval else {
            return try await reviewReportDraft(id, .returnForChanges(comments: comments), expectedVersion: expectedVersion, scope: scope, at: moment)
        }
        try requireStep(.approve, draft, scope, what: "年度报告")
        let checklist = try await publications(scope).settings().checklist
        let next = try ReportDraftRules.next(draft.state, .returnForChanges(comments: comments), checklist: checklist)
        return try await reportDrafts(scope).transition(id, expectedVersion: expectedVersion, to: next, action: "退回修改", note: comments, at: moment)
    }

    /// Refuses a draft something blocks, naming each place; an amendment without its note.
    static func requirePublishable(_ file: ReportDraftFile) throws {
        guard file.blocking.isEmpty else { throw ReportDraftError.blockingFindings(file.blocking.map { $0.location.description.isEmpty ? $0.message : "\($0.location)：\($0.message)" }) }
        try ReportDraftRules.requireAmendmentNote(file.draft.amendmentNote, isAmendment: file.isAmendment)
    }

    private func reportDraft(_ id: Int, _ scope: AgencyScope) async throws -> StoredReportDraft {
        guard let draft = try await reportDrafts(scope).find(id) else { throw ReportDraftStoreError.notFound(id) }
        return draft
    }
}

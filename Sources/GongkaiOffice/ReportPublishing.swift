import Crypto
import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiStore

/// Why a report could not be published; nothing was stored.
public enum PublishingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The report is another agency's or of another year than asked.
    case wrongReport(String)
    /// The checker found errors (each named with its section, row and column).
    case findings([String])
    /// A table differs from what the agency's registers give (sections II–IV come from the registers).
    case tablesDiffer([String])
    /// The year is published: a change is an amendment, with a note.
    case alreadyPublished(Int)
    /// No published report of this year (or version).
    case notPublished(Int)

    public var description: String {
        switch self {
        case .wrongReport(let why): return "不能发布：\(why)"
        case .findings(let all): return "年度报告有错误，不能发布：" + all.joined(separator: "；")
        case .tablesDiffer(let sections): return "年度报告的" + sections.joined(separator: "、") + "与本机关台账统计的不一致，不能发布"
        case .alreadyPublished(let y): return "\(y)年度报告已发布；发布后的更正须作为修订发布，并说明更正的内容和原因"
        case .notPublished(let y): return "本机关尚未发布\(y)年度报告"
        }
    }
}

/// 已发布的年度报告 — one version, its report read back from the stored JSON, and every version of its year.
public struct PublishedAnnualReport: Sendable {
    public var published: PublishedReport
    public var report: AnnualReport
    public var versions: [PublishedReport]
}

extension Office {
    /// 发布年度报告 (Art. 49–50): stores `report` as the locked snapshot of its year — the public JSON form and its
    /// SHA-256 — once its agency and year are the scope's, the checker finds no error and its tables (sections
    /// II–IV) are those of the agency's registers. A year already published takes only an amendment, whose note
    /// says what changed and why; the earlier version stays. The one road to it is the drafting workflow
    /// (`approveReportDraft`, which publishes through `publishable` and `amendmentNote` in its own transaction); this
    /// direct form is kept for tests that need a published year without the steps.
    func publishReport(_ report: AnnualReport, scope: AgencyScope, at moment: Moment, amendment: String? = nil)
        async throws -> PublishedReport
    {
        if let role = scope.role, !["admin", "head"].contains(role) {
            throw CaseError.notPermitted(user: scope.actor, action: "发布年度报告")
        }
        let snapshot = try await publishable(report, scope: scope)
        let repository = PublishedReportRepository(database: database, scope: scope)
        let note = try await amendmentNote(amendment, year: report.year, repository: repository)
        return try await repository.publish(year: report.year, json: snapshot.json, contentHash: snapshot.hash, note: note, at: moment)
    }

    /// The snapshot `report` would be published as — its public JSON form and SHA-256 — once its agency is the
    /// scope's, the checker finds no error and its tables (sections II–IV) are those of the agency's registers.
    func publishable(_ report: AnnualReport, scope: AgencyScope) async throws -> (json: String, hash: String) {
        guard report.agency == scope.agency.name else {
            throw PublishingError.wrongReport("报告的机关「\(report.agency)」不是本机关（\(scope.agency.name)）")
        }
        let errors = ReportChecker().check(report).filter { $0.severity == .error }
        guard errors.isEmpty else { throw PublishingError.findings(errors.map(\.message)) }
        let differ = Self.sectionsDiffering(report, try await registersReport(scope, year: report.year))
        guard differ.isEmpty else { throw PublishingError.tablesDiffer(differ) }
        return try Self.snapshot(report)
    }

    /// The public JSON form of `report` and its SHA-256: what is stored and shown once it is published.
    static func snapshot(_ report: AnnualReport) throws -> (json: String, hash: String) {
        let json = String(decoding: try ReportJSON.encode(report), as: UTF8.self)
        return (json, sha256(json))
    }

    /// Sections II–IV of `year` as the registers give them now (that year alone, unchecked).
    func registersReport(_ scope: AgencyScope, year: Int) async throws -> AnnualReport {
        try await StoreReportBuilder(database: database).report(scope, year: year)
    }

    /// The note stored with a new version of `year`: nil for the first; required (trimmed) for an amendment.
    func amendmentNote(_ amendment: String?, year: Int, repository: PublishedReportRepository) async throws -> String? {
        let note = amendment?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard try await !repository.versions(year: year).isEmpty else { return nil }
        guard let note, !note.isEmpty else { throw PublishingError.alreadyPublished(year) }
        return note
    }

    /// The sections (第二部分 … 第四部分) whose tables differ between two reports of one year.
    static func sectionsDiffering(_ a: AnnualReport, _ b: AnnualReport) -> [String] {
        [
            a.proactive.cells == b.proactive.cells ? nil : "第二部分",
            a.applications.table == b.applications.table ? nil : "第三部分",
            a.appeals.table == b.appeals.table ? nil : "第四部分",
        ].compactMap { $0 }
    }

    /// The published report of agency `agencyID` for `year`: `version`, or the latest. Public.
    public func publishedReport(agencyID: Int, year: Int, version: Int? = nil) async throws -> PublishedAnnualReport {
        let scope = try await scope(agencyID: agencyID, username: nil)
        let versions = try await PublishedReportRepository(database: database, scope: scope).versions(year: year)
        guard let shown = version.map({ v in versions.first { $0.version == v } }) ?? versions.last else {
            throw PublishingError.notPublished(year)
        }
        let report = try ReportJSON.decode(Data(shown.json.utf8), source: "published-\(year)-v\(shown.version).json")
        return PublishedAnnualReport(published: shown, report: report, versions: versions)
    }

    /// The years agency `agencyID` has published a report for, newest first.
    public func publishedYears(agencyID: Int) async throws -> [Int] {
        try await PublishedReportRepository(database: database, scope: try await scope(agencyID: agencyID, username: nil)).years()
    }

    /// A published report as a file: web page, DOCX, PDF, 图解 (compared with the year before when that is
    /// published too), JSON (the stored bytes themselves) or text.
    public func publishedReportFile(agencyID: Int, year: Int, version: Int? = nil, format: RenderFormat) async throws -> Data {
        let shown = try await publishedReport(agencyID: agencyID, year: year, version: version)
        if format == .json { return Data(shown.published.json.utf8) }
        let previous = format == .svg ? try? await publishedReport(agencyID: agencyID, year: year - 1).report : nil
        return try ReportFiles.render(shown.report, to: format, compare: previous)
    }

    /// SHA-256 of `text`'s UTF-8 bytes, hex.
    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The demo agency's 2020 report, published if not yet through the drafting workflow from its records with the
    /// words of the seed: the demo officer drafts and submits it, the 负责人 reviews it against the checklist and
    /// approves it on 29 January 2021.
    func publishDemoReport(_ agency: Agency) async throws {
        let id = agency.id!
        guard try await PublishedReportRepository(database: database, scope: try await scope(agencyID: id, username: nil))
            .versions(year: 2020).isEmpty,
            let url = Bundle.module.url(forResource: "demo-report-2020", withExtension: "txt", subdirectory: "Resources")
        else { return }
        let seed = try ReportFiles.read(url: url).report
        let officer = try await scope(agencyID: id, username: DemoAgency.demoOfficer)
        let head = try await scope(agencyID: id, username: DemoAgency.demoHead)
        func at(_ text: String) -> Moment { Moment(parsing: text)! }
        let opened = try await openReportDraft(year: 2020, scope: officer, at: at("2021-01-18 09:00"))
        let worded = try await reportDrafts(officer).transition(
            opened.id, expectedVersion: opened.version, to: opened.state, action: "修改", at: at("2021-01-19 15:00")
        ) { try $0.setText(ReportText(of: seed), amendmentNote: nil) }
        let submitted = try await submitReportDraft(worded.id, expectedVersion: worded.version, scope: officer, at: at("2021-01-20 09:00"))
        let checklist = try await publications(head).settings().checklist
        let answers = ChecklistAnswers(Dictionary(uniqueKeysWithValues: checklist.questions.map { ($0, false) }))
        let reviewed = try await reviewReportDraft(
            submitted.id, .pass(answers), expectedVersion: submitted.version, scope: head, at: at("2021-01-27 10:00"))
        _ = try await approveReportDraft(reviewed.id, expectedVersion: reviewed.version, scope: head, at: at("2021-01-29 10:00"))
    }
}

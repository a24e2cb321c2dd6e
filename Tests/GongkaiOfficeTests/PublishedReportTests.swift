import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiStore
import Testing

@testable import GongkaiOffice

/// 年度报告的发布: the demo publishes its 2020 report (the seed) from its records; a published year is a locked
/// snapshot with its hash; a change is an amendment with a note, the first version kept; a report that does not
/// check, whose tables are not the registers', or of another agency is refused.
@Suite struct PublishedReportTests {
    @Test(arguments: OfficeBackend.available)
    func theDemoPublishesTheSeedAndAmendmentsKeepTheFirstVersion(_ backend: OfficeBackend) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration("published")) { office in
            let (agency, _) = try await office.createDemo()
            let id = agency.id!
            #expect(try await office.publishedYears(agencyID: id) == [2020])
            let first = try await office.publishedReport(agencyID: id, year: 2020)
            #expect(first.published.version == 1 && first.published.amendmentNote == nil)
            #expect(first.published.contentHash == Office.sha256(first.published.json) && first.published.contentHash.count == 64)
            #expect(first.published.publishedAt == Moment(parsing: "2021-01-29 10:00"))
            let registers = try await office.report(agencyID: id, year: 2020).report
            #expect(first.report.applications.table == registers.applications.table && first.report.title.joined().contains("2020年"))
            // Creating the demo again publishes nothing more.
            _ = try await office.createDemo()
            #expect(try await office.publishedReport(agencyID: id, year: 2020).versions.count == 1)
            let scope = try await office.scope(agencyID: id, username: nil)
            await #expect(throws: PublishingError.alreadyPublished(2020)) {
                try await office.publishReport(first.report, scope: scope, at: Moment(parsing: "2021-02-01 09:00")!)
            }
            var amended = first.report
            amended.otherMatters.text.append("（2021年2月1日修订：更正第六部分的联系电话。）")
            let second = try await office.publishReport(
                amended, scope: scope, at: Moment(parsing: "2021-02-01 09:00")!, amendment: "更正第六部分的联系电话")
            #expect(second.version == 2 && second.amendmentNote == "更正第六部分的联系电话" && second.contentHash != first.published.contentHash)
            #expect(try await office.publishedReport(agencyID: id, year: 2020).published.version == 2)
            #expect(try await office.publishedReport(agencyID: id, year: 2020, version: 1).published == first.published)
            let json = try await office.publishedReportFile(agencyID: id, year: 2020, version: 1, format: .json)
            #expect(String(decoding: json, as: UTF8.self) == first.published.json)
            await #expect(throws: PublishingError.notPublished(2019)) { try await office.publishedReport(agencyID: id, year: 2019) }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aReportThatDoesNotMatchTheRegistersOrTheAgencyIsRefused(_ backend: OfficeBackend) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration("publish_refused")) { office in
            let (agency, _) = try await office.createDemo()
            let scope = try await office.scope(agencyID: agency.id!, username: nil)
            let seed = try await office.publishedReport(agencyID: agency.id!, year: 2020).report
            var other = seed
            other.year = 2021
            // The registers of 2021 hold other figures (the 2020 cases are not counted again).
            await #expect(throws: PublishingError.self) { try await office.publishReport(other, scope: scope, at: Moment(parsing: "2022-01-20 09:00")!) }
            var stranger = seed
            stranger.agency = "某区某局"
            await #expect(throws: PublishingError.self) { try await office.publishReport(stranger, scope: scope, at: Moment(parsing: "2021-01-20 09:00")!) }
            var broken = seed
            broken.applications.table[.new, .naturalPerson] = 22
            await #expect(throws: PublishingError.self) {
                try await office.publishReport(broken, scope: scope, at: Moment(parsing: "2021-01-20 09:00")!, amendment: "x")
            }
            let officer = try await office.scope(agencyID: agency.id!, username: DemoAgency.demoOfficer)
            await #expect(throws: CaseError.self) {
                try await office.publishReport(seed, scope: officer, at: Moment(parsing: "2021-01-20 09:00")!, amendment: "x")
            }
            #expect(try await office.publishedReport(agencyID: agency.id!, year: 2020).versions.count == 1)
        }
    }
}

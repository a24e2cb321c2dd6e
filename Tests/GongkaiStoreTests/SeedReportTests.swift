import GongkaiCore
import GongkaiStore
import Testing

/// Given the demo agency's stored records, when its 2020 report is built from the store, then sections II–IV
/// hold exactly the seed report's cells (北京市大兴区应急管理局, 2020, 2019 format, Beijing variant).
@Suite struct SeedReportTests {
    @Test(arguments: Backend.available)
    func demoReproducesSeedTables(_ backend: Backend) async throws {
        try await backend.withStore("seed") { store in
            let demo = DemoAgency(database: store.database, calendar: CaseFixtures.calendar)
            let (agency, created) = try await demo.create()
            #expect(created)
            let report = try await StoreReportBuilder(store: store).report(try await store.scope(agency.id!), year: 2020)
            #expect(report.agency == "北京市大兴区应急管理局")
            #expect(report.format == .v2019)
            #expect(report.variant == .beijing)
            expectSeedSectionII(report.proactive)
            expectSeedSectionIII(report.applications.table)
            #expect(report.appeals.table.cells.allSatisfy { $0 == 0 })
            #expect(ReportChecker(checksProse: false).check(report).filter { $0.severity == .error }.isEmpty)
            // The section III figures come from 21 whole case files, each with its events, officer and moment.
            let scope = try await AgencyRepository(store: store).scope(agencyID: agency.id!)
            let cases = try await CaseRepository(
                database: store.database, scope: scope, calendar: CaseFixtures.calendar
            )
                .countedIn(year: 2020)
            #expect(cases.count == 21 && Set(cases.compactMap(\.trackingCode)).count == 21)
            #expect(cases.allSatisfy { $0.log.count == 2 && $0.log.allSatisfy { $0.actor == DemoAgency.demoOfficer } })
            let built = ReportBuilder(agency: agency.name, year: 2020, variant: .beijing).applicationTable(cases)
            #expect(built == report.applications.table)
            let again = try await demo.create()
            #expect(!again.created && again.agency.id == agency.id)
        }
    }

    func expectSeedSectionII(_ s: ProactiveSection) {
        let expected: [(ProactiveRow, [String])] = [
            (.rules, ["0", "0", "0"]), (.normativeDocuments, ["0", "0", "0"]),
            (.licensing, ["7", "-1", "89"]), (.inspection, ["6", "0", "557"]), (.confirmation, ["0", "0", "0"]),
            (.penalty, ["351", "26", "384"]), (.enforcement, ["4", "-1", "5"]), (.fees, ["0", "0"]),
            (.procurement, ["8", "929.9082"]),
        ]
        #expect(s.rows == expected.map(\.0))
        for (row, cells) in expected {
            #expect(s.cells[row]?.map(\.description) == cells, "section II \(row.label(in: .v2019))")
        }
        #expect(s.amountUnit == .tenThousandYuan)
    }

    func expectSeedSectionIII(_ t: ApplicationTable) {
        for row in t.rows {
            let expected: [Int]
            switch row {
            case .new, .unavailable(1), .total: expected = [21, 0, 0, 0, 0, 0, 21]
            default: expected = Array(repeating: 0, count: 7)
            }
            #expect(t.row(row).map(\.countOrZero) == expected, "section III \(row.displayName)")
        }
    }
}

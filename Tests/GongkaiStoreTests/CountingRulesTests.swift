import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Testing

/// The report's sections III and IV from SQL aggregates equal `ReportBuilder` over the loaded cases: several
/// agencies, random legal histories received 2018–2025 (both formats, carry-over across years).
@Suite struct CountingRulesTests {
    @Test("SQL aggregates and ReportBuilder give identical section III/IV tables", arguments: Backend.available)
    func aggregatesEqualBuilder(_ backend: Backend) async throws {
        try await backend.withStore("counting_rules") { store in
            let agencies = AgencyRepository(store: store)
            var rng = SplitMix64(seed: 20_191_231)
            var ids: [(Int, RegionalVariant)] = []
            for (n, region) in [RegionalVariant.national, .beijing, .hubei].enumerated() {
                let agency = try await agencies.create(
                    Agency(name: "局\(n)", code: "C\(n)", level: .county, region: region))
                let scope = try await agencies.scope(agencyID: agency.id!)
                let cases = CaseRepository(database: store.database, scope: scope, calendar: CaseFixtures.calendar)
                for k in 0..<90 {
                    try await cases.receive(CaseGenerator.application(id: "\(n)-\(k)", around: 2019 + k % 7, rng: &rng))
                }
                for k in 0..<25 {
                    let appeal = CaseGenerator.appeal(id: "复\(n)-\(k)", around: 2019 + k % 7, rng: &rng)
                    try await DisclosureRepository(database: store.database, scope: scope).add(appeal)
                }
                ids.append((agency.id!, region))
            }
            var nonEmpty = 0
            for (id, region) in ids {
                let scope = try await agencies.scope(agencyID: id)
                let cases = CaseRepository(database: store.database, scope: scope, calendar: CaseFixtures.calendar)
                for year in 2019...2025 {
                    let fromSQL = try await StoreReportBuilder(store: store).report(try await store.scope(id), year: year)
                    let builder = ReportBuilder(agency: "局", year: year, variant: region)
                    let loaded = try await cases.countedIn(year: year)
                    let appeals = try await DisclosureRepository(database: store.database, scope: scope).appeals(
                        countedIn: year)
                    let truth = builder.build(applications: loaded, appeals: appeals)
                    #expect(fromSQL.format == truth.format)
                    #expect(fromSQL.applications.table == truth.applications.table, "agency \(id), \(year)")
                    #expect(fromSQL.appeals.table == truth.appeals.table, "appeals of agency \(id), \(year)")
                    if truth.applications.table[.carriedOver, .total].countOrZero > 0 { nonEmpty += 1 }
                }
            }
            #expect(nonEmpty > 10, "carry-over exercised in most agency-years")
        }
    }
}

extension CaseGenerator {
    static func appeal(id: String, around year: Int, rng: inout SplitMix64) -> AppealCase {
        let start = CivilDate(year - 1, 1, 1).dayNumber
        let filed = CivilDate(dayNumber: Int.random(in: start...(start + 3 * 365), using: &rng))
        let decided = Bool.random(using: &rng) ? filed.adding(days: Int.random(in: 0...400, using: &rng)) : nil
        return try! AppealCase(
            id: id, applicationID: nil, kind: AppealKind.allCases.randomElement(using: &rng)!, filedOn: filed,
            result: decided == nil ? nil : AppealOutcome.allCases.randomElement(using: &rng)!, decidedOn: decided)
    }
}

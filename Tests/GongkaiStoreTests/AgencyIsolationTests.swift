import GongkaiCore
import GongkaiStore
import Testing

/// Two agencies with data: every method of the disclosure repository reads and writes only its scope's agency.
/// (The case repository's methods are covered by `CaseStoreTests.agencyIsolation`.)
@Suite struct AgencyIsolationTests {
    static func day(_ s: String) -> CivilDate { CivilDate(storeText: s)! }

    /// One record of every register for `agency`, through `repo`.
    static func fill(_ repo: DisclosureRepository, _ agency: Int, _ tag: String) async throws {
        try await repo.add(
            NormativeDocument(
                agencyID: agency, kind: .normative, title: tag, documentNumber: tag, madeOn: day("2021-02-01")))
        let item = try await repo.add(
            AdministrativeItem(agencyID: agency, category: .penalty, code: tag, name: tag, validFrom: day("2018-01-01"))
        )
        try await repo.add(
            AdministrativeDecision(agencyID: agency, itemID: item, decidedOn: day("2021-05-05"), reference: tag))
        try await repo.addDecisions([
            AdministrativeDecision(agencyID: agency, itemID: item, decidedOn: day("2021-05-06"), reference: tag)
        ])
        try await repo.add(
            ProcurementProject(
                agencyID: agency, name: tag, contractedOn: day("2021-03-01"), amountYuan: ExactNumber(parsing: "10")!))
        try await repo.add(
            FeeCollection(agencyID: agency, collectedOn: day("2021-07-01"), amountYuan: ExactNumber(parsing: "1")!))
        try await repo.add(
            CatalogueItem(
                agencyID: agency, indexNumber: tag, article20Item: 1, title: tag, publishedOn: day("2021-01-05")))
        try await repo.add(
            try AppealCase(id: tag, applicationID: nil, kind: .reconsideration, filedOn: day("2021-03-01")))
    }

    @Test(arguments: Backend.available)
    func noCrossReadsOrWrites(_ backend: Backend) async throws {
        try await backend.withStore("isolation") { store in
            let agencies = AgencyRepository(store: store)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            let repoA = DisclosureRepository(database: store.database, scope: try await agencies.scope(agencyID: a))
            let repoB = DisclosureRepository(database: store.database, scope: try await agencies.scope(agencyID: b))
            try await Self.fill(repoA, a, "A1")
            // Every write of B's value through A's scope is refused; nothing is written.
            let itemB = try await repoB.add(
                AdministrativeItem(
                    agencyID: b, category: .licensing, code: "B1", name: "B", validFrom: Self.day("2018-01-01")))
            await #expect(throws: StoreError.self) { try await Self.fill(repoA, b, "B2") }
            await #expect(throws: StoreError.self) {
                try await repoA.add(
                    AdministrativeDecision(
                        agencyID: a, itemID: itemB, decidedOn: Self.day("2021-05-05"), reference: "x"))
            }
            await #expect(throws: StoreError.self) {
                try await repoA.addDecisions([
                    AdministrativeDecision(
                        agencyID: a, itemID: itemB, decidedOn: Self.day("2021-05-05"), reference: "x")
                ])
            }
            // Reads see only the scope's agency.
            #expect(try await repoB.itemsValid(on: Self.day("2021-12-31")).map(\.code) == ["B1"])
            #expect(try await repoA.itemsValid(on: Self.day("2021-12-31")).map(\.code) == ["A1"])
            #expect(try await repoB.procurement(year: 2021).isEmpty)
            #expect(try await repoA.procurement(year: 2021).count == 1)
            #expect(try await repoB.appeals(filedIn: 2021).isEmpty)
            #expect(try await repoB.appeals(countedIn: 2021).isEmpty)
            #expect(try await repoA.appeals(filedIn: 2021).map(\.id) == ["A1"])
            let reportB = try await StoreReportBuilder(store: store).report(try await store.scope(b), year: 2021)
            #expect(reportB.proactive[.penalty, .decisionsThisYear] == 0)
            #expect(reportB.proactive[.normativeDocuments, .issued] == 0)
            let reportA = try await StoreReportBuilder(store: store).report(try await store.scope(a), year: 2021)
            #expect(reportA.proactive[.penalty, .decisionsThisYear] == 2)
        }
    }
}

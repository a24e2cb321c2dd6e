import GongkaiCore
import GongkaiStore
import Testing

/// The counting rules of the report queries, on small registers built for each rule.
@Suite struct ReportQueryTests {
    static func day(_ s: String) -> CivilDate { CivilDate(storeText: s)! }

    @Test(arguments: Backend.available)
    func applicationsCarriedOverAndForward(_ backend: Backend) async throws {
        try await backend.withStore("carry") { store in
            let agencies = AgencyRepository(store: store)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            let repo = CaseRepository(
                database: store.database, scope: try await agencies.scope(agencyID: a), calendar: CaseFixtures.calendar)
            func answer(_ id: String, _ day: String, _ kind: ApplicationEvent.Kind) async throws {
                try await repo.record(ApplicationEvent(Self.day(day), kind), at: nil, on: id, expectedVersion: nil)
            }
            // Received 2020, answered 2021 → 2020 carried forward, 2021 carried over + outcome.
            try await repo.receive(CaseFixtures.received("1", "2020-12-28", kind: .commercialEnterprise))
            try await answer("1", "2021-01-15", .answered(.withheld(.thirdPartyRights)))
            // Received 2021, still open.
            try await repo.receive(CaseFixtures.received("2", "2021-12-30"))
            // Closed 2021 as other.1 (2021 row) after a lapsed 补正; another agency's application must not count.
            try await repo.receive(CaseFixtures.received("3", "2021-03-01"))
            try await answer("3", "2021-03-02", .correctionRequested(deadline: Self.day("2021-03-20")))
            try await answer("3", "2021-04-01", .correctionLapsed)
            try await CaseRepository(
                database: store.database, scope: try await agencies.scope(agencyID: b), calendar: CaseFixtures.calendar
            ).receive(CaseFixtures.received("1", "2021-03-01"))

            let builder = StoreReportBuilder(store: store)
            let r2020 = try await builder.report(try await store.scope(a), year: 2020).applications.table
            #expect(r2020[.new, .commercialEnterprise] == 1)
            #expect(r2020[.carriedForward, .total] == 1)
            #expect(r2020[.total, .total] == 0)
            let r2021 = try await builder.report(try await store.scope(a), year: 2021).applications.table
            #expect(r2021[.carriedOver, .commercialEnterprise] == 1)
            #expect(r2021[.withheld(4), .commercialEnterprise] == 1)
            #expect(r2021[.otherSub(1), .naturalPerson] == 1)
            #expect(r2021[.new, .total] == 2)
            #expect(r2021[.carriedForward, .naturalPerson] == 1)
            #expect(r2021[.total, .total] == 2)
            // The 2019 format folds other.1–3 into its single 其他处理 row.
            let r2020closed = try await builder.report(try await store.scope(a), year: 2020)
            #expect(r2020closed.format == .v2019)
            try await answer("2", "2022-01-04", .answered(.granted))
            #expect(try await repo.find("2")?.value.events.map(\.kind) == [.received, .answered(.granted)])
            #expect(try await builder.report(try await store.scope(a), year: 2022).applications.table[.granted, .naturalPerson] == 1)
        }
    }

    @Test(arguments: Backend.available)
    func sectionTwoFrom2021Registers(_ backend: Backend) async throws {
        try await backend.withStore("sec2") { store in
            let a = try await AgencyRepository(store: store).create(
                Agency(name: "丙局", code: "C", level: .municipal, region: .national)
            ).id!
            let repo = DisclosureRepository(
                database: store.database, scope: try await AgencyRepository(store: store).scope(agencyID: a))
            try await repo.add(
                NormativeDocument(
                    agencyID: a, kind: .normative, title: "旧", documentNumber: "1", madeOn: Self.day("2019-05-01"),
                    publishedOn: Self.day("2019-05-02"), abolishedOn: Self.day("2021-06-01")))
            try await repo.add(
                NormativeDocument(
                    agencyID: a, kind: .normative, title: "新", documentNumber: "2", madeOn: Self.day("2021-02-01"),
                    publishedOn: Self.day("2021-02-03")))
            try await repo.add(
                NormativeDocument(
                    agencyID: a, kind: .rule, title: "规章", documentNumber: "3", madeOn: Self.day("2018-02-01"),
                    publishedOn: Self.day("2018-02-03")))
            // Past its term on 31 Dec 2021 (有效期至 2021-12-30): lapsed, no longer 现行有效; one ending that day still is.
            try await repo.add(
                NormativeDocument(
                    agencyID: a, kind: .rule, title: "到期规章", documentNumber: "4", madeOn: Self.day("2016-02-01"),
                    publishedOn: Self.day("2016-02-03"), expiresOn: Self.day("2021-12-30")))
            try await repo.add(
                NormativeDocument(
                    agencyID: a, kind: .rule, title: "年末到期规章", documentNumber: "5", madeOn: Self.day("2016-02-01"),
                    publishedOn: Self.day("2016-02-03"), expiresOn: Self.day("2021-12-31")))
            let item = try await repo.add(
                AdministrativeItem(
                    agencyID: a, category: .penalty, code: "CF1", name: "处罚", validFrom: Self.day("2018-01-01")))
            let other = try await repo.add(
                AdministrativeItem(
                    agencyID: a, category: .inspection, code: "JC1", name: "检查", validFrom: Self.day("2018-01-01")))
            try await repo.add(
                AdministrativeDecision(agencyID: a, itemID: item, decidedOn: Self.day("2021-05-05"), reference: "罚1"))
            try await repo.add(
                AdministrativeDecision(agencyID: a, itemID: item, decidedOn: Self.day("2020-05-05"), reference: "罚0"))
            try await repo.add(
                AdministrativeDecision(agencyID: a, itemID: other, decidedOn: Self.day("2021-05-05"), reference: "检1"))
            try await repo.add(
                FeeCollection(
                    agencyID: a, collectedOn: Self.day("2021-07-01"), amountYuan: ExactNumber(parsing: "12345.67")!))
            try await repo.add(
                FeeCollection(agencyID: a, collectedOn: Self.day("2020-07-01"), amountYuan: ExactNumber(parsing: "99")!)
            )
            try await repo.add(
                try AppealCase(id: "复1", applicationID: nil, kind: .reconsideration, filedOn: Self.day("2021-03-01")))
            try await repo.add(
                try AppealCase(
                    id: "诉1", applicationID: nil, kind: .litigationDirect, filedOn: Self.day("2020-11-01"),
                    result: .corrected, decidedOn: Self.day("2021-02-01")))

            let r = try await StoreReportBuilder(store: store).report(try await store.scope(a), year: 2021)
            #expect(r.format == .v2021)
            #expect(r.proactive.cells[.normativeDocuments]?.map(\.description) == ["1", "1", "1"])
            #expect(r.proactive.cells[.rules]?.map(\.description) == ["0", "0", "2"])
            #expect(r.proactive[.penalty, .decisionsThisYear] == 1)
            #expect(r.proactive[.fees, .feeAmount].description == "1.2346")
            #expect(r.appeals.table[.reconsideration, .pending] == 1)
            #expect(r.appeals.table[.litigationDirect, .corrected] == 1)
            #expect(r.appeals.table[.litigationDirect, .total] == 1)
            let r2020 = try await StoreReportBuilder(store: store).report(try await store.scope(a), year: 2020)
            #expect(r2020.proactive[.otherServices, .decisions] == 0)
            #expect(r2020.proactive[.otherServices, .previousYearItems] == 1)
            #expect(r2020.proactive[.penalty, .decisions] == 1)
            #expect(r2020.appeals.table[.litigationDirect, .pending] == 1)
        }
    }

    @Test func money() throws {
        #expect(try Money.fen(ExactNumber(parsing: "929.9")!) == 92990)
        #expect(throws: StoreError.self) { try Money.fen(ExactNumber(parsing: "1.234")!) }
        #expect(Money.yuan(92990).description == "929.9")
        #expect(Money.tenThousandYuan(929_908_200).description == "929.9082")
        #expect(Money.tenThousandYuan(0).description == "0")
    }
}

/// 有效性 of a normative document on a day: repealed, lapsed or in force.
@Suite struct NormativeDocumentValidityTests {
    static func day(_ s: String) -> CivilDate { CivilDate(storeText: s)! }

    @Test(arguments: [
        // | abolished   | expires     | on          | validity                        |
        (String?.none, String?.none, "2024-01-01", "现行有效"),
        ("2023-12-31", nil, "2023-12-30", "现行有效"),
        ("2023-12-31", nil, "2023-12-31", "已废止（2023-12-31）"),
        (nil, "2024-03-31", "2024-03-31", "现行有效"),
        (nil, "2024-03-31", "2024-04-01", "已失效（有效期至2024-03-31）"),
        ("2024-02-01", "2024-03-31", "2024-05-01", "已废止（2024-02-01）"),
    ])
    func validityOnADay(_ abolished: String?, _ expires: String?, _ on: String, _ validity: String) {
        let d = NormativeDocument(
            agencyID: 1, kind: .normative, title: "某规定", documentNumber: "1", madeOn: Self.day("2020-01-01"),
            abolishedOn: abolished.map(Self.day), expiresOn: expires.map(Self.day))
        #expect(d.validity(on: Self.day(on)) == validity)
    }
}

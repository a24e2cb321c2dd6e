import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// Each figure of section II is the register rows behind it, by the same condition — on both databases, for the
/// demo's 2020 report (2019 format, Beijing rows) and a 2022 report (2021 format).
@Suite struct ProactiveRecordsTests {
    /// The figure `records` make in `column`: their number, 本年增/减's difference, or their amount in 万元.
    static func figure(_ records: ProactiveRecords, _ column: ProactiveColumn) throws -> Cell {
        switch records {
        case .documents(let d): return .count(d.count)
        case .items(let i): return .count(i.count)
        case .itemChanges(let added, let removed): return .count(added.count - removed.count)
        case .decisions(let d, _): return .count(d.count)
        case .procurement(let p):
            guard column == .procurementAmount else { return .count(p.count) }
            return .number(Money.tenThousandYuan(try p.reduce(0) { $0 + (try Money.fen($1.amountYuan)) }))
        case .fees(let f): return .number(Money.tenThousandYuan(try f.reduce(0) { $0 + (try Money.fen($1.amountYuan)) }))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func everyFigureOfSectionTwoIsTheRowsBehindIt(_ backend: OfficeBackend) async throws {
        try await ReportDraftWorkflowTests.withDesk(backend, "p2_records") { desk in
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let registers = DisclosureRepository(database: desk.office.database, scope: officer)
            let id = desk.agencyID
            func document(_ number: String, made: CivilDate, abolished: CivilDate? = nil, expires: CivilDate? = nil) async throws {
                _ = try await registers.add(NormativeDocument(
                    agencyID: id, kind: .normative, title: "文件\(number)", documentNumber: number, madeOn: made, publishedOn: made,
                    abolishedOn: abolished, expiresOn: expires))
            }
            try await document("京兴应急规〔2022〕1号", made: CivilDate(2022, 3, 1))
            try await document("京兴应急规〔2019〕9号", made: CivilDate(2019, 5, 1), abolished: CivilDate(2022, 7, 1))
            try await document("京兴应急规〔2021〕2号", made: CivilDate(2021, 2, 1), expires: CivilDate(2022, 6, 30))
            try await document("京兴应急规〔2023〕1号", made: CivilDate(2023, 1, 5))
            for (day, yuan) in [(CivilDate(2022, 4, 1), "1200.50"), (CivilDate(2022, 12, 31), "300"), (CivilDate(2021, 12, 31), "99")] {
                _ = try await registers.add(FeeCollection(agencyID: id, collectedOn: day, amountYuan: try #require(ExactNumber(parsing: yuan))))
            }
            let licence = try #require(try await registers.itemsValid(on: CivilDate(2022, 1, 1)).first { $0.category == .licensing })
            _ = try await registers.add(AdministrativeDecision(agencyID: id, itemID: licence.id!, decidedOn: CivilDate(2022, 8, 8), reference: "许可〔2022〕1号"))

            var checked = 0
            for year in [2020, 2022] {
                let section = try await desk.office.report(agencyID: id, year: year).report.proactive
                for row in section.rows {
                    for column in row.columns(in: section.format) {
                        let records = try #require(try await desk.office.recordsBehind(row: row, column: column, year: year, scope: officer))
                        let cell = section[row, column]
                        let expected = try Self.figure(records, column)
                        #expect(expected == cell || (cell.countOrZero == 0 && expected == .count(0)), "\(year) \(row) × \(column)")
                        checked += records.count
                    }
                }
            }
            #expect(checked > 0)
            // The 2021 format's rows, exactly.
            func numbers(_ column: ProactiveColumn) async throws -> [String] {
                guard case .documents(let d)? = try await desk.office.recordsBehind(row: .normativeDocuments, column: column, year: 2022, scope: officer)
                else { return ["not documents"] }
                return d.map(\.documentNumber)
            }
            #expect(try await numbers(.issued) == ["京兴应急规〔2022〕1号"])
            #expect(try await numbers(.abolished) == ["京兴应急规〔2019〕9号"])
            #expect(try await !numbers(.inForce).contains("京兴应急规〔2021〕2号"))  // past its term on 31 December
            guard case .decisions(let decisions, let items)? = try await desk.office.recordsBehind(
                row: .licensing, column: .decisionsThisYear, year: 2022, scope: officer)
            else { Issue.record("no decisions"); return }
            #expect(decisions.map(\.reference) == ["许可〔2022〕1号"] && items[licence.id!]?.name == licence.name)
            // A cell the year's format does not have.
            #expect(try await desk.office.recordsBehind(row: .procurement, column: .procurementProjects, year: 2022, scope: officer) == nil)
            #expect(try await desk.office.recordsBehind(row: .rules, column: .decisions, year: 2020, scope: officer) == nil)
        }
    }

    /// A figure counting more rows than one statement may bind (SQLite 32,766, PostgreSQL 65,535) still lists them:
    /// a large agency's 行政许可 of a year.
    @Test(arguments: OfficeBackend.available)
    func aFigureOfManyRowsListsThemAll(_ backend: OfficeBackend) async throws {
        try await ReportDraftWorkflowTests.withDesk(backend, "p2_many") { desk in
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let registers = DisclosureRepository(database: desk.office.database, scope: officer)
            let licence = try #require(try await registers.itemsValid(on: CivilDate(2023, 1, 1)).first { $0.category == .licensing })
            let n = 70_000
            try await registers.addDecisions((0..<n).map { i in
                AdministrativeDecision(agencyID: desk.agencyID, itemID: licence.id!, decidedOn: CivilDate(2023, 1 + i % 12, 1 + i % 28), reference: "许可〔2023〕\(i)号")
            })
            let figure = try await desk.office.report(agencyID: desk.agencyID, year: 2023).report.proactive[.licensing, .decisionsThisYear]
            let records = try #require(try await desk.office.recordsBehind(row: .licensing, column: .decisionsThisYear, year: 2023, scope: officer))
            #expect(figure == .count(n) && records.count == n)
        }
    }
}

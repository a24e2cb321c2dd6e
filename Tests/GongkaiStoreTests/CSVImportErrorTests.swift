import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Bad rows are reported by line, column and reason; a file with errors imports nothing unless skip-invalid.
@Suite struct CSVImportErrorTests {
    static let bad = """
        reference,received_on,applicant_kind,applicant_name,applicant_id_number,applicant_phone,channel,subject,outcome,closed_on
        ok-1,2020-03-02,自然人,张三,,,网络,事项,unavailable.1,2020-03-20
        bad-date,2020-02-30,naturalPerson,李四,,,网络,事项,,
        bad-kind,2020-03-02,个体户,王五,,,网络,"有,逗号",,
        bad-outcome,2020-03-02,naturalPerson,赵六,,,网络,事项,other,2020-03-05
        no-close,2020-03-02,naturalPerson,钱七,,,网络,事项,granted,
        early,2020-03-02,naturalPerson,孙八,,,网络,事项,granted,2020-03-01
        ok-1,2020-04-02,naturalPerson,周九,,,网络,事项,,
        ,2020-04-02,naturalPerson,吴十,,,网络,事项,,
        """

    static let expected: [(Int, String)] = [
        (3, "received_on"), (4, "applicant_kind"), (5, "outcome"), (6, "closed_on"), (7, "closed_on"), (8, "reference"),
        (9, "reference"),
    ]

    @Test(arguments: Backend.available)
    func errorsNameLineAndColumnAndImportNothing(_ backend: Backend) async throws {
        try await backend.withStore("badrows") { store in
            let agency = try await AgencyRepository(store: store).create(
                Agency(name: "测试局", code: "T", level: .county, region: .national)
            ).id!
            let spec = try RegisterCatalog.named("applications")
            let importer = RegisterImporter(store: store)
            let summary = try await importer.importCSV(
                Data(Self.bad.utf8), fileName: "bad.csv", register: spec, agencyID: agency, skipInvalid: false, into: store)
            #expect(summary.imported == 0)
            #expect(
                summary.issues.map { ($0.line, $0.column) }.elementsEqual(Self.expected, by: { $0 == $1 }),
                "\(summary.issues.map(\.description))")
            #expect(summary.issues[0].description.hasPrefix("bad.csv 第3行「received_on」列："))
            let none = try await StoreReportBuilder(store: store).report(try await store.scope(agency), year: 2020)
            #expect(none.applications.table[.new, .total] == 0)

            let skipped = try await importer.importCSV(
                Data(Self.bad.utf8), fileName: "bad.csv", register: spec, agencyID: agency, skipInvalid: true, into: store)
            #expect(skipped.imported == 1)
            #expect(skipped.skipped == 7)
            let one = try await StoreReportBuilder(store: store).report(try await store.scope(agency), year: 2020)
            #expect(one.applications.table[.unavailable(1), .naturalPerson] == 1)
        }
    }

    @Test(arguments: Backend.available)
    func headerProblemsAndUnknownItems(_ backend: Backend) async throws {
        try await backend.withStore("headers") { store in
            let agency = try await AgencyRepository(store: store).create(
                Agency(name: "测试局", code: "T", level: .county, region: .national)
            ).id!
            let importer = RegisterImporter(store: store)
            let decisions = try RegisterCatalog.named("administrative-decisions")
            await #expect(throws: CSVError.missingColumns(["decided_on"])) {
                try await importer.importCSV(
                    Data("item_code\nX\n".utf8), fileName: "d.csv", register: decisions, agencyID: agency,
                    skipInvalid: false, into: store)
            }
            await #expect(throws: CSVError.unknownColumns(["colour"])) {
                try await importer.importCSV(
                    Data("item_code,decided_on,colour\n".utf8), fileName: "d.csv", register: decisions,
                    agencyID: agency, skipInvalid: false, into: store)
            }
            let s = try await importer.importCSV(
                Data("事项编码,决定日期\nNOPE,2020-01-01\n".utf8), fileName: "d.csv", register: decisions, agencyID: agency,
                skipInvalid: false, into: store)
            // The problem names the column as the file heads it.
            #expect(s.issues.map(\.description) == ["d.csv 第2行「事项编码」列：本机关没有编码为 NOPE 的事项"])
            await #expect(throws: StoreError.agencyNotFound(999)) {
                try await importer.importCSV(
                    Data("item_code,decided_on\n".utf8), fileName: "d.csv", register: decisions, agencyID: 999,
                    skipInvalid: false, into: store)
            }
        }
    }

    @Test func csvParsing() throws {
        let t = try CSVTable(text: "\u{FEFF}a,b\r\n1,\"x,\"\"y\"\"\nz\"\r\n\r\n2,\n")
        #expect(t.header == ["a", "b"])
        #expect(t.records.map(\.fields) == [["1", "x,\"y\"\nz"], ["2", ""]])
        #expect(t.records.map(\.line) == [2, 5])
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVTable(text: "a\n\"open\n") }
        let gb = "标题\n中文\n".data(using: String.Encoding(rawValue: 0x8000_0632))!
        #expect(try CSVTable.decode(gb) == "标题\n中文\n")
    }
}

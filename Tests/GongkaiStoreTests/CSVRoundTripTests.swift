import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Every register: CSV in → CSV out gives the same file; JSON export parses; personal data stays out by default.
@Suite struct CSVRoundTripTests {
    /// Canonical files (stored names, ISO dates, amounts without trailing zeros), in dependency order.
    static let files: [(String, String)] = [
        (
            "administrative-items",
            """
            category,code,name,valid_from,valid_to
            licensing,XK-001,"危险化学品经营许可,（含""储存""）",2015-01-01,
            fee,SF-001,资料费,2015-01-01,2020-06-30
            """
        ),
        (
            "applications",
            """
            reference,received_on,applicant_kind,applicant_name,applicant_id_number,applicant_phone,channel,subject,outcome,closed_on
            2020-001,2020-03-02,naturalPerson,张三,11010519491231002X,13800000000,网络,"多行
            申请内容",unavailable.1,2020-03-20
            2020-002,2020-12-30,legalServiceOrganization,某律所,,,邮寄,事项,,
            """
        ),
        (
            "appeal-cases",
            """
            reference,kind,filed_on,result,decided_on,application_reference
            京复〔2020〕1号,reconsideration,2020-05-06,upheld,2020-07-01,2020-001
            京诉〔2020〕2号,litigationDirect,2020-08-06,,,
            """
        ),
        (
            "normative-documents",
            """
            kind,title,document_number,made_on,published_on,abolished_on,expires_on
            normative,关于加强安全生产的通知,京兴应急发〔2020〕3号,2020-04-01,2020-04-08,,2025-03-31
            rule,旧规章,,2010-01-01,2010-01-05,2020-12-31,
            """
        ),
        (
            "administrative-decisions",
            """
            item_code,decided_on,reference
            XK-001,2020-06-15,许〔2020〕1号
            XK-001,2020-06-16,
            """
        ),
        (
            "procurement-projects",
            """
            name,contracted_on,amount_yuan
            应急物资采购,2020-09-10,1162385.25
            设备,2020-10-01,500
            """
        ),
        (
            "fee-collections",
            """
            item_code,collected_on,amount_yuan
            SF-001,2020-03-01,100.5
            ,2021-03-01,0
            """
        ),
        (
            "catalogue-items",
            """
            index_number,article20_item,title,document_number,published_on,channels,subject,written_on,publisher,body,disclosure
            11A-2020-001,5,2020年行政许可结果公示,,2020-06-30,政府网站、政务新媒体,,,,,
            11A-2020-002,1,规范性文件,京兴应急发〔2020〕3号,2020-04-08,政府网站,安全生产监管,2020-04-01,北京市大兴区人民政府,第一条　为了……,onRequest
            """
        ),
        (
            "holiday-overrides",
            """
            day,is_working_day,name
            2020-01-19,true,春节调休
            2020-01-24,false,春节
            """
        ),
    ]

    @Test(arguments: Backend.available)
    func everyRegisterRoundTrips(_ backend: Backend) async throws {
        try await backend.withStore("roundtrip") { store in
            let agency = try await AgencyRepository(store: store).create(
                Agency(name: "测试局", code: "T", level: .county, region: .beijing)
            ).id!
            for (name, text) in Self.files {
                let spec = try RegisterCatalog.named(name)
                let summary = try await RegisterImporter(store: store).importCSV(
                    Data((text + "\n").utf8), fileName: "\(name).csv", register: spec, agencyID: agency,
                    skipInvalid: false, into: store)
                #expect(summary.issues.isEmpty, "\(name): \(summary.issues)")
                #expect(summary.imported == 2, "\(name)")
                let csv = try await export(store, spec, agency, .csv, personal: true)
                #expect(csv == text + "\n", "\(name) round trip")
                let json = try await export(store, spec, agency, .json, personal: false)
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
                #expect(parsed?.count == 2, "\(name) JSON")
                #expect(!json.contains("11010519491231002X") && !json.contains("13800000000"))
            }
            let scope = try await AgencyRepository(store: store).scope(agencyID: agency)
            let imported = try await CaseRepository(
                database: store.database, scope: scope, calendar: CaseFixtures.calendar
            )
                .find("2020-001")
            let events = try #require(imported).value.events
            #expect(events.map(\.kind) == [.received, .answered(.unavailable(.notHeld))])
            // Imported applications get tracking codes like ones received online: distinct, and each finds its case.
            let cases = CaseRepository(database: store.database, scope: scope, calendar: CaseFixtures.calendar)
            var codes: [TrackingCode] = []
            for reference in ["2020-001", "2020-002"] {
                let stored = try #require(try await cases.find(reference), "\(reference)")
                let code = try #require(stored.value.trackingCode, "\(reference) has no tracking code")
                #expect(try await cases.find(code.description)?.value.id == reference)
                codes.append(code)
            }
            #expect(Set(codes).count == 2)
        }
    }

    func export(_ store: Store, _ spec: RegisterSpec, _ agency: Int, _ format: ExportFormat, personal: Bool)
        async throws -> String
    {
        final class Sink: @unchecked Sendable { var text = "" }
        let sink = Sink()
        let scope = try await personal ? store.personalDataScope(agency) : store.scope(agency)
        try await RegisterExporter(store: store).export(spec, scope: scope, format: format, write: { sink.text += $0 })
        return sink.text
    }

    @Test func templatesMatchRegisters() throws {
        for spec in RegisterCatalog.all {
            let table = try CSVTable(text: spec.templateCSV)
            #expect(table.header == spec.headers)
            #expect(table.records.count == 1)
        }
    }
}

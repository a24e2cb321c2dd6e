import Foundation
import GongkaiCore
import GongkaiStore
import SQLKit
import Testing

/// Importing a file again stores nothing twice (docs/STORE.md «What identifies a row»); a changed row is refused
/// naming its key and column; a file with any bad row writes nothing.
@Suite struct CSVReimportTests {
    func agency(_ store: Store) async throws -> Int {
        try await AgencyRepository(store: store).create(
            Agency(name: "测试局", code: "T", level: .county, region: .beijing)
        ).id!
    }

    func load(_ store: Store, _ name: String, _ text: String, agency: Int, file: String = "f.csv") async throws
        -> ImportSummary
    {
        try await RegisterImporter(store: store).importCSV(
            Data(text.utf8), fileName: file, register: try RegisterCatalog.named(name), agencyID: agency,
            skipInvalid: false, into: store)
    }

    func count(_ store: Store, _ table: String) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test(arguments: Backend.available)
    func everyRegisterImportedTwiceIsUnchanged(_ backend: Backend) async throws {
        try await backend.withStore("reimport") { store in
            let agency = try await agency(store)
            for (name, text) in CSVRoundTripTests.files {
                #expect(try await load(store, name, text + "\n", agency: agency).imported == 2, "\(name)")
            }
            for (name, text) in CSVRoundTripTests.files {
                let again = try await load(store, name, text + "\n", agency: agency)
                #expect(again.issues.isEmpty, "\(name): \(again.issues.map(\.description))")
                #expect(again.imported == 0 && again.unchanged == 2, "\(name)")
                #expect(try await count(store, tableName(name)) == 2, "\(name)")
            }
            // An export without personal data re-imports as unchanged (absent columns are not compared).
            let export = """
                reference,received_on,applicant_kind,applicant_name,channel,subject,outcome,closed_on
                2020-001,2020-03-02,自然人,张三,网络,"多行
                申请内容",unavailable.1,2020/3/20
                """
            let s = try await load(store, "applications", export, agency: agency)
            #expect(s.imported == 0 && s.unchanged == 1 && s.issues.isEmpty, "\(s.issues.map(\.description))")
        }
    }

    func tableName(_ register: String) -> String { register.replacingOccurrences(of: "-", with: "_") }

    @Test(arguments: Backend.available)
    func changedRowIsRefusedNamingKeyAndColumn(_ backend: Backend) async throws {
        try await backend.withStore("reimportchanged") { store in
            let agency = try await agency(store)
            let first =
                "reference,received_on,applicant_kind,outcome,closed_on\nA-1,2020-03-02,自然人,granted,2020-03-09\n"
            #expect(try await load(store, "applications", first, agency: agency).imported == 1)
            let changed = """
                reference,received_on,applicant_kind,outcome,closed_on
                A-2,2020-04-01,自然人,,
                A-1,2020-03-02,自然人,withheld.1,2020-03-09
                """
            let s = try await load(store, "applications", changed, agency: agency, file: "again.csv")
            #expect(s.imported == 0)
            #expect(
                s.issues.map(\.description) == [
                    "again.csv 第3行「reference」列：受理编号 A-1 已存在且内容不同："
                        + "outcome 已存为「granted」，文件为「withheld.1」（导入不会覆盖已存记录）"
                ])
            #expect(try await count(store, "applications") == 1)
        }
    }

    @Test(arguments: Backend.available)
    func refusedRowsWriteNothingAndIdenticalRowsCount(_ backend: Backend) async throws {
        try await backend.withStore("reimportdup") { store in
            let agency = try await agency(store)
            // The same key twice in one file, and a row with too few fields: nothing is written.
            let dup = "code,category,name,valid_from\nX-1,licensing,甲,2015-01-01\nX-1,licensing,甲,2015-01-01\nX-2,fee\n"
            let s = try await load(store, "administrative-items", dup, agency: agency)
            #expect(
                s.issues.map(\.description).prefix(2) == [
                    "f.csv 第3行「code」列：与本文件第2行是同一条记录（事项编码 X-1），不能重复",
                    "f.csv 第4行「-」列：字段数 2 少于表头列数 4",
                ])
            #expect(s.imported == 0)
            #expect(try await count(store, "administrative_items") == 0)
            await #expect(throws: CSVError.controlCharacter(line: 2, column: 3, scalar: 0)) {
                try await load(
                    store, "administrative-items", "category,code,name,valid_from\nlicensing,X-1,甲\u{0},2015-01-01\n",
                    agency: agency)
            }

            // Fees have no key: two identical rows are two fees; the same file again adds none, a third copy one.
            let fees = "collected_on,amount_yuan\n2021-03-01,100\n2021-03-01,100\n"
            #expect(try await load(store, "fee-collections", fees, agency: agency).imported == 2)
            let again = try await load(store, "fee-collections", fees, agency: agency)
            #expect(again.imported == 0 && again.unchanged == 2)
            let three = try await load(store, "fee-collections", fees + "2021-03-01,100.00\n", agency: agency)
            #expect(three.imported == 1 && three.unchanged == 2)
            #expect(try await count(store, "fee_collections") == 3)

            // A document without 文号 is identified by 类别 + 标题 + 制发日期.
            let docs = "kind,title,made_on,abolished_on\nother,通知,2020-01-02,\n"
            #expect(try await load(store, "normative-documents", docs, agency: agency).imported == 1)
            let abolished = try await load(
                store, "normative-documents", "kind,title,made_on,abolished_on\nother,通知,2020-01-02,2021-01-01\n",
                agency: agency)
            #expect(abolished.issues.first?.description.contains("abolished_on 已存为「（空）」，文件为「2021-01-01」") == true)
        }
    }
}

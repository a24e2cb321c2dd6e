import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing

@testable import GongkaiDocuments

@Suite("Report JSON form")
struct ReportJSONTests {
    @Test("random valid reports survive encode → decode unchanged", arguments: 0..<100)
    func roundTrip(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        var report = ReportGenerator.validReport(using: &rng)
        report.applications.table[.new, .commercialEnterprise] = .blank
        report.appeals.table[.litigationDirect, .corrected] = .placeholder("—")
        let back = try ReportJSON.decode(try ReportJSON.encode(report), source: "t.json")
        #expect(back == report)
    }

    @Test("the documented shape: ids, 7 cells per row, 15 cells, null for blank")
    func shape() throws {
        var report = AnnualReport(agency: "某局", year: 2022)
        report.applications.table[.otherSub(2), .naturalPerson] = .blank
        let object = try #require(try JSONSerialization.jsonObject(with: ReportJSON.encode(report)) as? [String: Any])
        #expect(object["agency"] as? String == "某局")
        #expect(object["year"] as? Int == 2022)
        #expect(object["format"] as? String == "2021")
        let sections = try #require(object["sections"] as? [String: Any])
        let rows = try #require((sections["applications"] as? [String: Any])?["rows"] as? [String: [Any]])
        #expect(Set(rows.keys) == Set(ApplicationRow.rows(for: .v2021).map(\.id)))
        #expect(rows.keys.contains("withheld.8") && rows.keys.contains("other.3") && rows.keys.contains("carriedForward"))
        #expect(rows.values.allSatisfy { $0.count == 7 })
        #expect(rows["other.2"]?.first is NSNull)
        let appeals = try #require((sections["appeals"] as? [String: Any])?["cells"] as? [Any])
        #expect(appeals.count == 15)
        let proactive = try #require((sections["proactive"] as? [String: Any])?["rows"] as? [String: [Any]])
        #expect(Set(proactive.keys) == ["rules", "normativeDocuments", "licensing", "penalty", "enforcement", "fees"])
    }

    @Test("decimal amounts keep every digit")
    func decimals() throws {
        var report = AnnualReport(agency: "某局", year: 2020, variant: .beijing)
        report.proactive[.procurement, .procurementAmount] = .number(ExactNumber(parsing: "929.9080")!)
        let text = String(decoding: try ReportJSON.encode(report), as: UTF8.self)
        #expect(text.contains("\"929.9080\""))
        #expect(try ReportJSON.decode(Data(text.utf8), source: "t.json") == report)
    }

    @Test("bad JSON is refused with the path of the problem", arguments: [
        (#"{"agency":"a","year":2020,"format":"2019","sections":{"proactive":{"rows":{}},"applications":{"rows":{"new":[1,2]}},"appeals":{"cells":[]}}}"#, "sections.applications.rows.new 应有 7 个单元格"),
        (#"{"agency":"a","year":2020,"format":"2019","sections":{"proactive":{"rows":{}},"applications":{"rows":{"other.1":[0,0,0,0,0,0,0]}},"appeals":{"cells":[]}}}"#, "sections.applications.rows.other.1：2019版没有这一行"),
        (#"{"agency":"a","year":2020,"format":"2019","sections":{"proactive":{"rows":{}},"applications":{"rows":{}},"appeals":{"cells":[0]}}}"#, "sections.appeals.cells 应有 15 个单元格"),
        (#"{"agency":"a","year":2020,"format":"2019","sections":{"proactive":{"rows":{"procurement":[1]}},"applications":{"rows":{}},"appeals":{"cells":[]}}}"#, "sections.proactive.rows.procurement 应有 2 个单元格"),
        (#"{"agency":"a","format":"2019"}"#, "缺少字段"),
        (#"{"agency":"a","year":"x"#, "JSON 无法解析"),
    ])
    func refused(json: String, message: String) {
        #expect {
            _ = try ReportJSON.decode(Data(json.utf8), source: "bad.json")
        } throws: { error in
            let text = (error as? ReportReadError)?.description ?? ""
            return text.hasPrefix("bad.json：") && text.contains(message)
        }
    }
}

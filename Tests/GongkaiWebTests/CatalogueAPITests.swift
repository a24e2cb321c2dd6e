import Foundation
import GongkaiCore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// The public catalogue of the demo agency (216 items of 2020): search by words, Art. 20 item, year and page.
@Suite struct CatalogueAPITests {
    static func page(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
    }

    @Test func searchFilterAndPage() async throws {
        try await WebTestApp.with { app, _ in
            // | query                         | total | on the page |
            let rows: [(String, Int, Int)] = [
                ("", 216, 20), ("q=预算", 43, 20), ("q=预算&page=3", 43, 3), ("category=9", 43, 20),
                ("category=9&q=处罚", 0, 0), ("year=2019", 0, 0), ("year=2020&category=6&page=2", 43, 20),
                ("q=京兴应急罚〔2020〕7号", 1, 1), ("q=11A0115-YJJ-2020-00", 9, 9), ("q=%25", 216, 20),
            ]
            for (query, total, count) in rows {
                let path = "/api/v1/agencies/1/catalogue" + (query.isEmpty ? "" : "?" + query)
                    .addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!.replacingOccurrences(of: "%2525", with: "%25")
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .ok, "\(query)")
                    let page = try Self.page(res)
                    let items = try #require(page["items"] as? [[String: Any]])
                    #expect(page["total"] as? Int == total && items.count == count, "\(query): \(page["total"] ?? "")")
                    if query.contains("预算") {
                        #expect(items.allSatisfy { ($0["title"] as? String)?.contains("预算") == true })
                    }
                    let dates = items.compactMap { $0["publishedOn"] as? String }
                    #expect(dates == dates.sorted(by: >), "\(query): newest first")
                }
            }
            try await app.testing().test(.GET, "/api/v1/agencies/1/catalogue?q=预算".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!) { res in
                let first = try #require((try Self.page(res)["items"] as? [[String: Any]])?.first)
                #expect(first["category"] as? Int == 9 && first["categoryLabel"] as? String == "政府集中采购项目的目录、标准及实施情况")
                #expect((first["indexNumber"] as? String)?.hasPrefix("11A0115-YJJ-2020-") == true)
            }
        }
    }

    @Test func badParametersAreNamed() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/api/v1/agencies/1/catalogue?category=16&year=abc&page=0") { res in
                #expect(res.status == .unprocessableEntity)
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                #expect(problem.errors?.map(\.field) == ["category", "year", "page"])
            }
            try await app.testing().test(.GET, "/api/v1/agencies/999/catalogue") { res in
                #expect(res.status == .notFound)
            }
        }
    }
}

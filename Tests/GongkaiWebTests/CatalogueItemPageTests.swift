import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 目录条目: each catalogue item's page with its metadata as Chinese sites show it, its text, and for a normative
/// document whether it is in force or repealed.
@Suite struct CatalogueItemPageTests {
    @Test func anItemShowsItsMetadataTextAndValidity() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let scope = try await office.scope(agencyID: 1, username: nil)
            let registers = DisclosureRepository(database: office.database, scope: scope)
            try await registers.add(NormativeDocument(
                agencyID: 1, kind: .normative, title: "关于加强烟花爆竹安全管理的规定", documentNumber: "京兴应急规〔2019〕1号",
                madeOn: CivilDate(2019, 3, 1), publishedOn: CivilDate(2019, 3, 5), abolishedOn: CivilDate(2023, 12, 31)))
            let id = try await registers.add(CatalogueItem(
                agencyID: 1, indexNumber: "11A0115-YJJ-2019-900", article20Item: 1, title: "关于加强烟花爆竹安全管理的规定",
                documentNumber: "京兴应急规〔2019〕1号", publishedOn: CivilDate(2019, 3, 5), subject: "安全生产监管",
                writtenOn: CivilDate(2019, 3, 1), body: "第一条　为了加强烟花爆竹安全管理，制定本规定。\n第二条　本规定自发布之日起施行。"))
            try await app.testing().test(.GET, "/agencies/1/catalogue?q=%E7%83%9F%E8%8A%B1%E7%88%86%E7%AB%B9") { res in
                #expect(res.body.string.contains("href=\"/agencies/1/catalogue/items/\(id)\""))
            }
            try await app.testing().test(.GET, "/agencies/1/catalogue/items/\(id)") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                for (label, value) in [
                    ("索引号", "11A0115-YJJ-2019-900"), ("主题分类", "安全生产监管"), ("发布机构", "北京市大兴区应急管理局"),
                    ("成文日期", "2019-03-01"), ("发布日期", "2019-03-05"), ("文号", "京兴应急规〔2019〕1号"), ("有效性", "已废止（2023-12-31）"),
                ] {
                    #expect(html.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "\(label)")
                }
                #expect(html.contains("<p>第一条　为了加强烟花爆竹安全管理，制定本规定。</p>"))
            }
            // A demo item: no text, not a normative document.
            let demoItem = try #require(try await office.catalogue(agencyID: 1, text: "", article20Item: .licensingAndServices, year: 2020, page: 1, at: Moment(parsing: "2024-06-01 09:00")!).items.first)
            try await app.testing().test(.GET, "/agencies/1/catalogue/items/\(demoItem.id ?? 0)") { res in
                let html = res.body.string
                #expect(res.status == .ok && html.contains("正文未随目录录入") && !html.contains("<dt>有效性</dt>"))
            }
            for path in ["/agencies/1/catalogue/items/999999", "/agencies/1/catalogue/items/abc", "/agencies/2/catalogue/items/\(id)"] {
                try await app.testing().test(.GET, path) { res in #expect(res.status == .notFound, "\(path)") }
            }
        }
    }
}

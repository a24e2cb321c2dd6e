import Foundation
import GongkaiCore
import GongkaiDocuments
@testable import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 政府信息公开年报 in the portal: the demo's published 2020 report from the agency's column, its page with version
/// and hash, every file, the API's JSON; years and versions not published are 404.
@Suite struct ReportPageTests {
    @Test func theDemosReportIsFoundReadAndDownloaded() async throws {
        try await WebTestApp.with { app, office in
            try await app.testing().test(.GET, "/agencies/1") { res in
                #expect(res.body.string.contains("href=\"/agencies/1/reports/2020\""))
            }
            let published = try await office.publishedReport(agencyID: 1, year: 2020).published
            try await app.testing().test(.GET, "/agencies/1/reports/2020") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("2020年政府信息公开工作年度报告") && html.contains("<table"))
                #expect(html.contains(published.contentHash) && html.contains("第1版") && html.contains("2021-01-29 10:00"))
                #expect(html.contains("href=\"/agencies/1/reports/2020/report.pdf\""))
            }
            // | file         | type                    | holds                      |
            let files: [(String, String, (Data) -> Bool)] = [
                ("report.json", "application/json", { String(decoding: $0, as: UTF8.self) == published.json }),
                ("report.txt", "text/plain", { String(decoding: $0, as: UTF8.self).contains("二、主动公开政府信息情况") }),
                ("report.svg", "image/svg+xml", { String(decoding: $0, as: UTF8.self).contains("<svg") }),
                ("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", { $0.starts(with: [0x50, 0x4B]) }),
                ("report.html", "text/html", { String(decoding: $0, as: UTF8.self).contains("<meta name=\"gongkai-report\"") }),
            ]
            for (name, type, holds) in files {
                try await app.testing().test(.GET, "/agencies/1/reports/2020/\(name)") { res in
                    #expect(res.status == .ok, "\(name)")
                    #expect(res.headers.contentType?.description.hasPrefix(type) == true, "\(name): \(res.headers.contentType?.description ?? "")")
                    #expect(holds(Data(buffer: res.body)), "\(name)")
                }
            }
            try await app.testing().test(.GET, "/agencies/1/reports/2020/report.html") { res in
                #expect(res.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none'") == true)
            }
            try await app.testing().test(.GET, "/api/v1/agencies/1/reports/2020") { res in
                #expect(res.status == .ok && res.headers.first(name: .eTag) == "\"\(published.contentHash)\"")
                let report = try ReportJSON.decode(Data(buffer: res.body), source: "api.json")
                #expect(report.agency == "北京市大兴区应急管理局" && report.year == 2020)
            }
            for path in ["/agencies/1/reports/2019", "/agencies/1/reports/2020?version=9", "/agencies/1/reports/2020/report.exe",
                         "/agencies/9/reports/2020", "/agencies/1/reports/abc", "/api/v1/agencies/1/reports/2019"] {
                try await app.testing().test(.GET, path) { res in #expect(res.status == .notFound, "\(path)") }
            }
        }
    }

    @Test func anAmendmentIsANewVersionAndTheFirstStaysReachable() async throws {
        try await WebTestApp.with { app, office in
            let scope = try await office.scope(agencyID: 1, username: nil)
            var report = try await office.publishedReport(agencyID: 1, year: 2020).report
            report.otherMatters.text.append("（修订：更正联系电话。）")
            _ = try await office.publishReport(report, scope: scope, at: Moment(parsing: "2021-02-01 09:00")!, amendment: "更正联系电话")
            try await app.testing().test(.GET, "/agencies/1/reports/2020") { res in
                let html = res.body.string
                #expect(html.contains("第2版：修订，更正联系电话") && html.contains("href=\"/agencies/1/reports/2020?version=1\""))
            }
            try await app.testing().test(.GET, "/agencies/1/reports/2020?version=1") { res in
                #expect(res.status == .ok && !res.body.string.contains("（修订：更正联系电话。）"))
            }
        }
    }
}

import Foundation
import GongkaiCore
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GongkaiDocuments

/// Given a report, when it is written as DOCX and read back, then the model is the same.
@Suite struct DOCXRoundTripTests {
    @Test(arguments: TestReports.handBuilt.map(\.0))
    func handBuiltReportsRoundTrip(name: String) throws {
        let report = try #require(TestReports.handBuilt.first { $0.0 == name }).1
        let docx = try DOCXReportWriter.render(report)
        let back = try DOCXReportReader.read(data: docx, source: "\(name).docx")
        #expect(back.findings.isEmpty, "\(back.findings)")
        expectSameReport(back.report, report)
    }

    @Test func documentUsesOfficialLayout() throws {
        let xml = DOCXReportWriter.document(TestReports.beijing2020)
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(xml.contains("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
        #expect(xml.contains("<w:vMerge w:val=\"restart\"/>"))
        #expect(xml.contains("<w:gridSpan w:val=\"3\"/>"))
        #expect(DOCXParts.styles.contains("w:eastAsia=\"方正小标宋简体\" w:cs=\"方正小标宋简体\"/><w:sz w:val=\"44\"/>"))
        #expect(DOCXParts.styles.contains("w:eastAsia=\"仿宋_GB2312\" w:cs=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/>"))
        #expect(DOCXParts.fontTable.contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>"))
    }

    @Test func wellFormedXMLParts() throws {
        let docx = try DOCXReportWriter.render(TestReports.national2022)
        let archive = try Archive(data: docx, accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(entry.path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
    }
}

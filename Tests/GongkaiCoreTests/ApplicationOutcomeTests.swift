import Foundation
import Testing

@testable import GongkaiCore

@Suite("Outcome — the report's leaf rows, each with its article")
struct ApplicationOutcomeTests {
    @Test("The outcomes are exactly the 2021 format's outcome rows, in order")
    func rows() {
        #expect(Outcome.allCases.map(\.row) == ApplicationRow.outcomeRows(for: .v2021))
        #expect(Outcome.allCases.count == 21)  // 2 + 8 + 3 + 5 + 3
        for o in Outcome.allCases {
            #expect(Outcome(row: o.row) == o)
            #expect(ApplicationRow.outcomeRows(for: .v2019).contains(o.row(in: .v2019)))
            #expect(!o.article.isEmpty)
        }
    }

    @Test(
        "Articles by format reference §5.2",
        arguments: [
            (Outcome.granted, "第三十六条第（一）（二）项"), (.partiallyGranted, "第三十七条"),
            (.withheld(.stateSecret), "第十四条"), (.withheld(.thirdPartyRights), "第十五条、第三十二条"),
            (.withheld(.internalAffairs), "第十六条第一款"), (.withheld(.enforcementFile), "第十六条第二款"),
            (.unavailable(.wouldRequireCreation), "第三十八条"), (.unavailable(.stillUnclearAfterCorrection), "第三十条"),
            (.notProcessed(.petitionOrComplaint), "第三十九条第一款"), (.notProcessed(.excessive), "第三十五条"),
            (.notProcessed(.repeated), "第三十六条第（六）项"), (.other(.correctionLapsed), "第三十条"),
        ])
    func articles(outcome: Outcome, article: String) {
        #expect(outcome.article == article)
    }

    @Test(
        "One outcome per application: 部分公开 takes precedence",
        arguments: [
            ([Outcome.granted, .withheld(.stateSecret)], Outcome.partiallyGranted),
            ([.granted, .granted], .granted),
            ([.partiallyGranted, .unavailable(.notHeld)], .partiallyGranted),
            ([.unavailable(.notHeld), .withheld(.thirdPartyRights)], .withheld(.thirdPartyRights)),
            ([.notProcessed(.repeated)], .notProcessed(.repeated)),
        ])
    func combining(parts: [Outcome], expected: Outcome) {
        #expect(Outcome.combining(parts) == expected)
    }

    @Test("Outcomes encode as row ids")
    func codable() throws {
        let data = try JSONEncoder().encode([Outcome.other(.feeLapsed), .withheld(.stateSecret)])
        #expect(String(decoding: data, as: UTF8.self) == #"["other.2","withheld.1"]"#)
        #expect(try JSONDecoder().decode([Outcome].self, from: data) == [.other(.feeLapsed), .withheld(.stateSecret)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Outcome].self, from: Data(#"["total"]"#.utf8)) }
    }
}

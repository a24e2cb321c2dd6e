import Testing

@testable import GongkaiCore

/// The sentences a 指南 and a 回执 tell applicants are made from the same numbers the clocks count with.
@Suite struct StatutoryTextTests {
    @Test func theWordsCarryTheRulesNumbersAndArticles() {
        // | text                                   | must contain                                                |
        let rows: [(String, [String])] = [
            (StatutoryClock.answerPeriodText, ["\(StatutoryClock.answerPeriod)个工作日内予以答复",
                "最长不超过\(StatutoryClock.maximumExtension)个工作日", "第三十三条"]),
            (ProactivePublication.periodText, ["\(ProactivePublication.period)个工作日内予以公开", "第二十六条"]),
            (ApplicationContents.requirementText, ApplicationContents.Missing.allCases.map(\.label) + ["第二十九条"]),
        ]
        for (text, parts) in rows {
            for part in parts { #expect(text.contains(part), "\(text) lacks \(part)") }
        }
    }
}

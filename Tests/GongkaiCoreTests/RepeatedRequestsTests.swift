import Testing

@testable import GongkaiCore

/// 第四十四条: requests for the same information, answered 予以公开 or 部分公开, from several applicants.
@Suite("Repeated requests — Art. 44")
struct RepeatedRequestsTests {
    static func r(_ ref: String, _ who: String, _ text: String, number: String? = nil, _ outcome: Outcome? = .granted) -> RepeatedRequests.Request {
        RepeatedRequests.Request(reference: ref, applicant: who, text: text, documentNumber: number, outcome: outcome)
    }

    @Test(
        "alike or not",
        arguments: [
            ("2023年区财政预算执行情况", "区2023年财政预算执行情况", true),
            ("2023年度区财政预算执行情况报告", "２０２３年度区财政预算执行情况的报告。", true),  // full-width digits, punctuation
            ("某小区规划许可证", "某 小区 规划许可证", true),  // spaces
            ("某小区规划许可证", "某路拓宽工程征收补偿方案", false),
            ("2023年区财政预算", "2022年区财政决算", false),
            ("请公开大兴区2016年应急预案", "申请获取大兴区2016年度应急预案的相关信息", true),  // stock phrases ignored
            ("请公开大兴区2016年应急预案", "请公开黄村镇2016年应急预案", false),  // another place: other information
        ])
    func alike(a: String, b: String, same: Bool) {
        #expect((RepeatedRequests.similarity(a, b) >= RepeatedRequests.threshold) == same, "\(RepeatedRequests.similarity(a, b))")
    }

    @Test("groups: several applicants, disclosable answers, the same 文号 or words alike the group's first")
    func groups() {
        let requests = [
            Self.r("A1", "张三", "某小区建设工程规划许可证及附图"),
            Self.r("A2", "李四", "某小区建设工程规划许可证和附图"),
            Self.r("A3", "张三", "某小区建设工程规划许可证及其附图"),  // the same applicant again: counted once
            Self.r("B1", "王五", "关于某路拓宽的批复", number: "某规发〔2023〕5号"),
            Self.r("B2", "赵六", "请公开批复文件", number: "某规发〔2023〕5号"),  // other words, the same 文号
            Self.r("C1", "孙七", "某河道治理方案", .withheld(.stateSecret)),  // 不予公开: not disclosable
            Self.r("C2", "周八", "某河道治理方案"),
            Self.r("D1", "吴九", "某学校招生计划"),
            Self.r("D2", "吴九", "某学校招生计划"),  // one applicant twice: not 多个申请人
        ]
        let found = RepeatedRequests.groups(requests).map { $0.map(\.reference) }
        #expect(found == [["A1", "A2", "A3"], ["B1", "B2"]])
    }

    @Test("alike wordings do not chain different information; other numbers are other information")
    func noChains() {
        // B is alike A and C alike B, but C is not alike A: two groups, not one.
        let requests = [
            Self.r("A1", "甲", "大兴区2016年应急预案"), Self.r("A2", "乙", "大兴区2016年度应急预案"),
            Self.r("B1", "丙", "大兴区2016年度应急预案修订稿"), Self.r("C1", "丁", "大兴区2016年度应急预案修订稿及说明"),
            Self.r("C2", "戊", "大兴区2016年度应急预案修订稿及其说明"),
            Self.r("Y1", "甲", "大兴区2017年应急预案"), Self.r("Y2", "乙", "大兴区2017年应急预案"),
        ]
        #expect(RepeatedRequests.similarity("大兴区2016年度应急预案修订稿", "大兴区2016年度应急预案") >= RepeatedRequests.threshold)
        #expect(RepeatedRequests.similarity("大兴区2016年应急预案", "大兴区2016年度应急预案修订稿及说明") < RepeatedRequests.threshold)
        let found = RepeatedRequests.groups(requests).map { $0.map(\.reference) }
        #expect(!found.contains { $0.contains("A1") && $0.contains("C1") }, "\(found)")
        #expect(found.contains(["Y1", "Y2"]) && !found.contains { $0.contains("A1") && $0.contains("Y1") })
    }

    @Test("partial answers count; nothing asked twice, nothing proposed")
    func edges() {
        #expect(RepeatedRequests.groups([]).isEmpty)
        #expect(RepeatedRequests.groups([Self.r("A", "甲", "某文件", .partiallyGranted), Self.r("B", "乙", "某文件", .partiallyGranted)]).count == 1)
        #expect(RepeatedRequests.groups([Self.r("A", "甲", "某文件", nil), Self.r("B", "乙", "某文件", nil)]).isEmpty)  // not yet answered
        #expect(RepeatedRequests.similarity("", "") == 0)
    }
}

/// Numbers quoted in the prose compared with the tables (format reference §6.1 rule 18). Warnings only: prose
/// is free text, and real reports word these figures in many ways.
enum ProseRules {
    static func check(_ report: AnnualReport, into out: inout FindingList) {
        let prose = [
            report.preamble, report.overview.text, report.proactive.textBefore, report.applications.textBefore,
            report.appeals.textBefore,
        ]
        for lines in prose {
            forEachClause(of: lines) { clause in
                for claim in claims(in: clause) {
                    if let f = compare(claim, clause: clause, report: report) { out.append(f) }
                }
            }
        }
    }

    enum Claim: Equatable {
        case received(Int), answered(Int), carriedOver(Int), reconsideration(Int), litigation(Int), noAppeals
        case outcome(OutcomeClaim)
        case proactive(ProactiveClaim)
    }

    /// The phrases claims are recognised by.
    private enum Keys {
        static let received: [Key] = ["收到", "接到", "受理", "新收"]
        static let answered: [Key] = ["办结", "答复"]
        static let carried: [Key] = ["上年结转", "上年度结转"]
        static let noAppeals: [Key] = ["无行政复议", "无复议", "未发生行政复议", "没有行政复议"]
        /// Outcome phrases an answered count does not reach across ("答复予以公开258件" is not 258 answered).
        static let outcomes: [Key] = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
    }

    /// The claims of a clause, in the order of `Claim`. A phrase is searched for only when each of its
    /// characters may be in the clause (`characterBits`): most clauses hold few of the phrases' characters.
    static func claims(in clause: Clause) -> [Claim] {
        let c = clause.bytes
        let present = characterBits(c)
        func mayHold(_ key: Key) -> Bool {
            let k = characterBits(key)
            return present & k == k
        }
        var out: [Claim] = []
        if clause.quotesFigure {
            if mayHold("申请") && contains(c, "申请") {
                for key in Keys.received where mayHold(key) {
                    if let n = count(after: key, in: c, skipping: Keys.carried) { out.append(.received(n)); break }
                }
            }
            for key in Keys.answered where mayHold(key) {
                if let n = count(after: key, in: c, skipping: Keys.outcomes) { out.append(.answered(n)); break }
            }
            for key in Keys.carried where mayHold(key) {
                if let n = count(after: key, in: c) { out.append(.carriedOver(n)); break }
            }
            if mayHold("行政复议"), let n = count(after: "行政复议", in: c) { out.append(.reconsideration(n)) }
            if mayHold("行政诉讼"), let n = count(after: "行政诉讼", in: c) { out.append(.litigation(n)) }
            for claim in outcomeClaims(in: c, present: present) { out.append(.outcome(claim)) }
            for claim in proactiveClaims(in: c, present: present) { out.append(.proactive(claim)) }
        }
        // every phrase of `Keys.noAppeals` contains 复议
        if mayHold("复议") && contains(c, "复议") {
            for key in Keys.noAppeals where mayHold(key) && contains(c, key) {
                out.append(.noAppeals)
                break
            }
        }
        return out
    }

    /// A warning when `claim` disagrees with the tables; the clause is quoted in it.
    static func compare(_ claim: Claim, clause: Clause, report: AnnualReport) -> Finding? {
        let t = report.applications.table
        let a = report.appeals.table
        func warn(_ rule: ReportRule, _ row: String, _ expected: Int, _ found: Int) -> Finding {
            rule.finding(
                ReportLocation(section: 1, row: row, column: "总计"),
                "正文「\(String(decoding: clause.bytes, as: UTF8.self))」写的是 \(found) 件，表格为 \(expected) 件",
                expected: "\(expected)", found: "\(found)")
        }
        let newTotal = t[.new, .total].countOrZero
        let carried = t[.carriedOver, .total].countOrZero
        switch claim {
        case .received(let n):
            let both = newTotal.addingReportingOverflow(carried)
            let agrees = n == newTotal || (!both.overflow && n == both.partialValue)
            return agrees ? nil : warn(.proseApplications, ApplicationRow.new.label, newTotal, n)
        case .answered(let n):
            let answered = t[.total, .total].countOrZero
            return n == answered ? nil : warn(.proseAnswered, ApplicationRow.total.label, answered, n)
        case .carriedOver(let n):
            return n == carried ? nil : warn(.proseCarried, ApplicationRow.carriedOver.label, carried, n)
        case .reconsideration(let n):
            let v = a[.reconsideration, .total].countOrZero
            return n == v ? nil : warn(.proseAppeals, "行政复议", v, n)
        case .litigation(let n):
            let groups: [AppealsGroup] = [.litigationDirect, .litigationAfterReconsideration]
            guard let v = ApplicationIdentity.sum(groups.lazy.map { a[$0, .total].countOrZero }) else { return nil }
            return n == v ? nil : warn(.proseAppeals, "行政诉讼", v, n)
        case .noAppeals:
            // a sum that overflows is the table checks' finding, not the prose's
            guard let v = ApplicationIdentity.sum(AppealsGroup.allCases.lazy.map { a[$0, .total].countOrZero }) else {
                return nil
            }
            return v == 0 ? nil : warn(.proseAppeals, "行政复议、行政诉讼", v, 0)
        case .outcome(let o):
            return compare(o, clause: clause, table: t)
        case .proactive(let p):
            return compare(p, clause: clause, section: report.proactive)
        }
    }
}

/// Numbers quoted in the prose compared with the tables (format reference §6.1 rule 18). Warnings only: prose
/// is free text, and real reports word these figures in many ways.
enum ProseRules {
    static func check(_ report: AnnualReport) -> [Finding] {
        let t = report.applications.table
        let a = report.appeals.table
        let text = (report.preamble + report.overview.text + report.applications.textBefore + report.appeals.textBefore)
        var out: [Finding] = []
        for clause in clauses(of: text) {
            out += claims(in: clause).compactMap { compare($0, clause: clause, table: t, appeals: a) }
        }
        return out
    }

    enum Claim: Equatable {
        case received(Int), answered(Int), carriedOver(Int), reconsideration(Int), litigation(Int), noAppeals
    }

    typealias Clause = [Unicode.Scalar]

    /// Splits the prose into clauses at 。；，and line ends, keeping only clauses that can hold a claim (they
    /// mention 件, 起 or 复议): most prose is skipped after one pass over its scalars.
    static func clauses(of lines: [String]) -> [Clause] {
        var out: [Clause] = []
        for line in lines {
            var current: Clause = []
            var relevant = false
            for ch in line.unicodeScalars {
                switch ch {
                case "。", "；", "，", ";", ",":
                    if relevant { out.append(current) }
                    current.removeAll(keepingCapacity: true)
                    relevant = false
                default:
                    if ch == "件" || ch == "起" || ch == "复" { relevant = true }
                    current.append(ch)
                }
            }
            if relevant { out.append(current) }
        }
        return out
    }

    static func claims(in c: Clause) -> [Claim] {
        var out: [Claim] = []
        if contains(c, "申请") {
            for key in ["收到", "接到", "受理", "新收"] {
                if let n = count(after: key, in: c, skipping: ["上年结转", "上年度结转"]) { out.append(.received(n)); break }
            }
        }
        for key in ["办结", "答复"] {
            if let n = count(after: key, in: c) { out.append(.answered(n)); break }
        }
        for key in ["上年结转", "上年度结转"] {
            if let n = count(after: key, in: c) { out.append(.carriedOver(n)); break }
        }
        if let n = count(after: "行政复议", in: c) { out.append(.reconsideration(n)) }
        if let n = count(after: "行政诉讼", in: c) { out.append(.litigation(n)) }
        for key in ["无行政复议", "无复议", "未发生行政复议", "没有行政复议"] where contains(c, key) {
            out.append(.noAppeals)
            break
        }
        return out
    }

    /// The first "N件" (or "N起") after `key`, within 16 scalars, not passing one of the `skipping` phrases.
    static func count(after key: String, in c: Clause, skipping: [String] = []) -> Int? {
        guard let start = index(of: key, in: c) else { return nil }
        var i = start + key.unicodeScalars.count
        let limit = min(c.count, i + 16)
        while i < limit {
            if skipping.contains(where: { startsWith(c, at: i, $0) }) { return nil }
            if let d = digit(c[i]) {
                var n = d
                var j = i + 1
                while j < c.count, let e = digit(c[j]), n < 100_000_000 { n = n * 10 + e; j += 1 }
                while j < c.count, c[j] == " " { j += 1 }
                return j < c.count && (c[j] == "件" || c[j] == "起") ? n : nil
            }
            i += 1
        }
        return nil
    }

    static func compare(_ claim: Claim, clause: Clause, table t: ApplicationTable, appeals a: AppealsTable) -> Finding? {
        var quote = ""
        quote.unicodeScalars.append(contentsOf: clause)
        func warn(_ rule: ReportRule, _ row: String, _ expected: Int, _ found: Int) -> Finding {
            rule.finding(
                ReportLocation(section: 1, row: row, column: "总计"),
                "正文「\(quote)」写的是 \(found) 件，表格为 \(expected) 件", expected: "\(expected)", found: "\(found)")
        }
        let newTotal = t[.new, .total].countOrZero
        let carried = t[.carriedOver, .total].countOrZero
        switch claim {
        case .received(let n):
            return n == newTotal || n == newTotal + carried ? nil : warn(.proseApplications, ApplicationRow.new.label, newTotal, n)
        case .answered(let n):
            let answered = t[.total, .total].countOrZero
            return n == answered ? nil : warn(.proseAnswered, ApplicationRow.total.label, answered, n)
        case .carriedOver(let n):
            return n == carried ? nil : warn(.proseCarried, ApplicationRow.carriedOver.label, carried, n)
        case .reconsideration(let n):
            let v = a[.reconsideration, .total].countOrZero
            return n == v ? nil : warn(.proseAppeals, "行政复议", v, n)
        case .litigation(let n):
            let v = a[.litigationDirect, .total].countOrZero + a[.litigationAfterReconsideration, .total].countOrZero
            return n == v ? nil : warn(.proseAppeals, "行政诉讼", v, n)
        case .noAppeals:
            let v = AppealsGroup.allCases.reduce(0) { $0 + a[$1, .total].countOrZero }
            return v == 0 ? nil : warn(.proseAppeals, "行政复议、行政诉讼", v, 0)
        }
    }

    /// An ASCII or full-width digit (not 二, which `wholeNumberValue` also reads as 2).
    static func digit(_ ch: Unicode.Scalar) -> Int? {
        let v = ch.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    static func index(of key: String, in c: Clause) -> Int? {
        let k = Array(key.unicodeScalars)
        guard let first = k.first, c.count >= k.count else { return nil }
        for i in 0...(c.count - k.count) where c[i] == first && startsWith(c, at: i, key) { return i }
        return nil
    }

    static func contains(_ c: Clause, _ key: String) -> Bool { index(of: key, in: c) != nil }

    static func startsWith(_ c: Clause, at i: Int, _ key: String) -> Bool {
        var j = i
        for k in key.unicodeScalars {
            guard j < c.count, c[j] == k else { return false }
            j += 1
        }
        return true
    }
}

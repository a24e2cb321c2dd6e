import GongkaiCore
import SQLKit

/// Section II from the disclosure registers, one grouped aggregate per register, each figure by its condition in
/// `ProactiveConditions`:
///
/// - 规章/规范性文件 (2019): 本年新制作 = made in Y; 本年新公开 = published in Y; 对外公开总数量 = published by
///   31 Dec Y and not abolished by then. (2021): 制发 = made in Y; 废止 = abolished in Y; 现行有效 = made by
///   31 Dec Y, not abolished by then and not past its term (有效期至) on that day.
/// - Items: 上一年项目数量 = valid on 31 Dec Y−1; 本年增/减 = valid on 31 Dec Y minus that; 处理决定 = decided in Y.
/// - 政府集中采购: projects contracted in Y, their amount in 万元 (four decimals). 收费金额 (2021): fees collected in Y.
struct ProactiveQueries {
    let sql: any SQLDatabase

    func section(agencyID: Int, year: Int, format: ReportFormat, variant: RegionalVariant) async throws
        -> ProactiveSection
    {
        var section = ProactiveSection(format: format, variant: variant)
        let y = StoreYear(year: year)
        try await addDocuments(to: &section, agencyID: agencyID, year: y)
        try await addItems(to: &section, agencyID: agencyID, year: y)
        try await addDecisions(to: &section, agencyID: agencyID, year: y)
        try await addMoney(to: &section, agencyID: agencyID, year: y)
        return section
    }

    private func addDocuments(to s: inout ProactiveSection, agencyID: Int, year y: StoreYear) async throws {
        let columns = ProactiveRow.rules.columns(in: s.format)
        let sums = columns.enumerated().compactMap { i, column in
            ProactiveConditions.document(column, y).map { "SUM(CASE WHEN \($0) THEN 1 ELSE 0 END) AS \(ident: "c\(i)")" as SQLQueryString }
        }
        let rows = try await sql.raw(
            "SELECT kind, \(sums.joined(separator: ", ")) FROM normative_documents WHERE agency_id = \(bind: agencyID) GROUP BY kind"
        ).all()
        for row in rows {
            guard let kind = DocumentKind(rawValue: try row.decode(column: "kind", as: String.self)),
                s.rows.contains(kind.row)
            else { continue }
            for (i, column) in columns.enumerated() {
                s[kind.row, column] = .count(try row.decode(column: "c\(i)", as: Int?.self) ?? 0)
            }
        }
    }

    private func addItems(to s: inout ProactiveSection, agencyID: Int, year y: StoreYear) async throws {
        guard s.format == .v2019 else { return }
        let rows = try await sql.raw(
            """
            SELECT category,
              SUM(CASE WHEN \(ProactiveConditions.itemValid(on: y.previousEnd)) THEN 1 ELSE 0 END) AS previous,
              SUM(CASE WHEN \(ProactiveConditions.itemValid(on: y.end)) THEN 1 ELSE 0 END) AS current
            FROM administrative_items WHERE agency_id = \(bind: agencyID) GROUP BY category
            """
        ).all()
        var counts: [ProactiveRow: (Int, Int)] = [:]
        for row in rows {
            guard let category = ItemCategory(rawValue: try row.decode(column: "category", as: String.self)),
                let target = category.row(format: s.format, variant: s.variant)
            else { continue }
            let previous = try row.decode(column: "previous", as: Int?.self) ?? 0
            let current = try row.decode(column: "current", as: Int?.self) ?? 0
            let sum = counts[target, default: (0, 0)]
            counts[target] = (sum.0 + previous, sum.1 + current)
        }
        for (target, (previous, current)) in counts {
            s[target, .previousYearItems] = .count(previous)
            s[target, .itemChange] = .count(current - previous)
        }
    }

    private func addDecisions(to s: inout ProactiveSection, agencyID: Int, year y: StoreYear) async throws {
        let rows = try await sql.raw(
            """
            SELECT category, COUNT(*) AS n FROM administrative_decisions
            WHERE agency_id = \(bind: agencyID) AND \(ProactiveConditions.decided(y))
            GROUP BY category
            """
        ).all()
        let column: ProactiveColumn = s.format == .v2019 ? .decisions : .decisionsThisYear
        for row in rows {
            guard let category = ItemCategory(rawValue: try row.decode(column: "category", as: String.self)),
                let target = category.row(format: s.format, variant: s.variant),
                target.columns(in: s.format).contains(column)
            else { continue }
            s[target, column] = .count(s[target, column].countOrZero + (try row.decode(column: "n", as: Int.self)))
        }
    }

    private func addMoney(to s: inout ProactiveSection, agencyID: Int, year y: StoreYear) async throws {
        if s.format == .v2019 {
            let row = try await sql.raw(
                """
                SELECT COUNT(*) AS n, CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS fen FROM procurement_projects
                WHERE agency_id = \(bind: agencyID) AND \(ProactiveConditions.contracted(y))
                """
            ).first()
            guard let row else { return }
            s[.procurement, .procurementProjects] = .count(try row.decode(column: "n", as: Int.self))
            s[.procurement, .procurementAmount] = .number(
                Money.tenThousandYuan(try row.decode(column: "fen", as: Int64.self)))
            s.amountUnit = .tenThousandYuan
        } else {
            let row = try await sql.raw(
                """
                SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS fen FROM fee_collections
                WHERE agency_id = \(bind: agencyID) AND \(ProactiveConditions.collected(y))
                """
            ).first()
            guard let row else { return }
            s[.fees, .feeAmount] = .number(Money.tenThousandYuan(try row.decode(column: "fen", as: Int64.self)))
        }
    }
}

import Foundation
import GongkaiStore

/// Generates a district inside the database itself (one INSERT … SELECT per register over a number series:
/// a recursive CTE on SQLite, `generate_series` on PostgreSQL), which loads millions of rows in seconds without
/// sending them through the driver. Values are arithmetic on the row number, so every run makes the same data.
struct StoreBenchmarkData {
    var agencies = 100
    var applications = 1_000_000
    /// Catalogue items plus administrative decisions, half each.
    var records = 5_000_000
    var itemsPerAgency = 500
    let postgres: Bool

    /// `INSERT INTO table (columns) SELECT select FROM 1…count AS n(i)`.
    func insert(_ table: String, _ columns: String, count: Int, select: String, join: String = "") -> String {
        postgres
            ? "INSERT INTO \(table) (\(columns)) SELECT \(select) "
                + "FROM generate_series(0::bigint, \(count - 1)) AS n(i) \(join)"
            : "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(count - 1)) "
                + "INSERT INTO \(table) (\(columns)) SELECT \(select) FROM n \(join)"
    }

    /// 16 random characters per case, like `TrackingCode` (uniqueness is what the index checks; the alphabet
    /// does not matter to the benchmark).
    var trackingCode: String {
        postgres ? "upper(substr(md5(random()::text || i::text), 1, 16))" : "upper(hex(randomblob(8)))"
    }

    /// 2018-01-01 plus `days` (an SQL integer expression), as YYYY-MM-DD text.
    func day(_ days: String, from start: String = "2018-01-01") -> String {
        postgres
            ? "to_char(DATE '\(start)' + (\(days))::int, 'YYYY-MM-DD')"
            : "date('\(start)', '+' || (\(days)) || ' days')"
    }

    static let categories = [
        "licensing", "penalty", "enforcement", "inspection", "confirmation", "fee", "otherService",
    ]

    func category(of j: String) -> String {
        "CASE (\(j)) % 7 " + Self.categories.enumerated().map { "WHEN \($0) THEN '\($1)'" }.joined(separator: " ")
            + " END"
    }

    var statements: [String] {
        let items = agencies * itemsPerAgency
        let half = records / 2
        let open = "i % 50 = 0"
        let received = "(i * 7919) % 1096"
        let outcomes = [
            "granted", "partiallyGranted", "withheld.4", "withheld.6", "unavailable.1", "unavailable.2",
            "notProcessed.2", "other.1", "other.3", "granted",
        ]
        let kinds = [
            "commercialEnterprise", "researchInstitution", "publicInterestOrganization", "legalServiceOrganization",
            "otherOrganization",
        ]
        return [
            insert(
                "agencies", "id, name, code, level, region", count: agencies,
                select: "i + 1, 'Bench agency ' || (i + 1), 'BENCH-' || (i + 1), 'county', "
                    + "CASE WHEN i % 2 = 0 THEN 'beijing' ELSE 'national' END"),
            insert(
                "applications",
                "agency_id, reference, received_on, applicant_kind, applicant_name, channel, subject, outcome, closed_on, "
                    + "tracking_code, submitted_on, submitted_at, applicant_id_type, applicant_id_number, applicant_phone, "
                    + "applicant_email, applicant_address, applicant_postcode, document_title, delivery_medium, "
                    + "delivery_method, version",
                count: applications,
                select: "1 + i % \(agencies), 'R' || i, \(day(received)), CASE i % 20 "
                    + kinds.enumerated().map { "WHEN \($0) THEN '\($1)'" }.joined(separator: " ")
                    + " ELSE 'naturalPerson' END, 'A' || i, 'online', '', CASE WHEN \(open) THEN NULL ELSE CASE i % 10 "
                    + outcomes.enumerated().map { "WHEN \($0) THEN '\($1)'" }.joined(separator: " ")
                    + " END END, CASE WHEN \(open) THEN NULL ELSE \(day("\(received) + i % 45")) END, "
                    + "\(trackingCode), \(day(received)), '10:30', '护照', 'E' || i, '1380000' || (i % 10000), "
                    + "'a' || i || '@example.cn', '北京市大兴区某路' || (i % 999) || '号', '102600', '文件' || i, '电子', "
                    + "'电子邮件', CASE WHEN \(open) THEN 1 ELSE 2 END"),
            insert(
                "application_events", "application_id, seq, kind, occurred_on, payload, actor, recorded_at",
                count: applications,
                select: "i + 1, 1, 'received', \(day(received)), '{\"received\":{}}', 'officer', "
                    + "\(day(received)) || ' 10:35'"),
            insert(
                "application_events", "application_id, seq, kind, occurred_on, payload, actor, recorded_at",
                count: applications,
                select: "i + 1, 2, 'answered', a.closed_on, '{\"answered\":{\"_0\":\"' || a.outcome || '\"}}', 'officer', "
                    + "a.closed_on || ' 15:00'",
                join: "JOIN applications a ON a.id = i + 1 AND a.closed_on IS NOT NULL"),
            insert(
                "administrative_items", "id, agency_id, category, code, name, valid_from, valid_to", count: items,
                select:
                    "i + 1, 1 + i / \(itemsPerAgency), \(category(of: "i % \(itemsPerAgency)")), 'I' || i, 'Item ' || i, "
                    + "CASE WHEN i % 10 = 0 THEN '2020-03-01' ELSE '2015-01-01' END, "
                    + "CASE WHEN i % 25 = 1 THEN '2020-06-30' ELSE NULL END"),
            insert(
                "administrative_decisions", "agency_id, item_id, category, decided_on, reference", count: half,
                select: "1 + (i % \(items)) / \(itemsPerAgency), 1 + i % \(items), "
                    + "\(category(of: "(i % \(items)) % \(itemsPerAgency)")), \(day("(i * 31) % 1096")), 'D' || i"),
            insert(
                "catalogue_items",
                "agency_id, index_number, article20_item, title, document_number, published_on, channels",
                count: records - half,
                select:
                    "1 + i % \(agencies), 'C' || i, 1 + i % 15, 'Title ' || i, '', \(day("(i * 13) % 1096")), '政府网站'"),
            insert(
                "normative_documents", "agency_id, kind, title, document_number, made_on, published_on, abolished_on",
                count: agencies * 20,
                select: "1 + i % \(agencies), CASE WHEN i % 10 = 0 THEN 'rule' ELSE 'normative' END, 'Doc ' || i, "
                    + "'No.' || i, \(day("(i * 17) % 1096")), \(day("(i * 17) % 1096 + 7")), "
                    + "CASE WHEN i % 9 = 0 THEN \(day("(i * 17) % 1096 + 400")) ELSE NULL END"),
            insert(
                "procurement_projects", "agency_id, name, contracted_on, amount_fen", count: agencies * 30,
                select:
                    "1 + i % \(agencies), 'Project ' || i, \(day("(i * 37) % 1096")), 100000 + (i * 7919) % 100000000"),
            insert(
                "fee_collections", "agency_id, collected_on, amount_fen", count: agencies * 30,
                select: "1 + i % \(agencies), \(day("(i * 41) % 1096")), 1000 + i % 100000"),
            insert(
                "appeal_cases", "agency_id, reference, kind, filed_on, result, decided_on", count: agencies * 5,
                select: "1 + i % \(agencies), 'AP' || i, CASE i % 3 WHEN 0 THEN 'reconsideration' WHEN 1 THEN "
                    + "'litigationDirect' ELSE 'litigationAfterReconsideration' END, \(day("(i * 53) % 1096")), "
                    + "CASE WHEN i % 4 = 0 THEN NULL ELSE 'upheld' END, "
                    + "CASE WHEN i % 4 = 0 THEN NULL ELSE \(day("(i * 53) % 1096 + 60")) END"),
        ]
            + (postgres
                ? [
                    "SELECT setval(pg_get_serial_sequence('agencies', 'id'), \(agencies))",
                    "SELECT setval(pg_get_serial_sequence('administrative_items', 'id'), \(items))", "ANALYZE",
                ]
                : ["ANALYZE"])
    }
}

import FluentKit

/// 2026-12-05-01: the agency's receipt rule (`ReceiptRule`: Art. 31, or its 指南's rule for submissions outside
/// working time) and, on each application, the rule it was received under — so that changing the agency's rule
/// later never moves the receipt date of a case already received. Existing rows: Art. 31 (the only rule before).
struct AddReceiptRules: AsyncMigration {
    var name: String { "2026-12-05-01-AddReceiptRules" }

    func prepare(on database: any Database) async throws {
        try await database.ddl(
            "ALTER TABLE agencies ADD COLUMN receipt_rule TEXT NOT NULL DEFAULT 'article31'",
            "ALTER TABLE applications ADD COLUMN receipt_rule TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl(
            "ALTER TABLE applications DROP COLUMN receipt_rule", "ALTER TABLE agencies DROP COLUMN receipt_rule")
    }
}

import FluentKit

/// 2026-11-29-12: holiday-calendar overrides (a holiday or a make-up working day), one row per day.
struct CreateHolidayOverrides: AsyncMigration {
    var name: String { "2026-11-29-12-CreateHolidayOverrides" }

    func prepare(on database: any Database) async throws {
        try await database.schema("holiday_overrides")
            .field("id", .int64, .identifier(auto: true))
            .field("day", .string, .required)
            .field("is_working_day", .bool, .required)
            .field("name", .string, .required)
            .unique(on: "day")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema("holiday_overrides").delete() }
}

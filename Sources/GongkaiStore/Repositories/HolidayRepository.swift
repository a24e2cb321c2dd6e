import FluentKit
import GongkaiCore

/// Holiday overrides (调休 and extra holidays) — national, so belonging to no agency.
public struct HolidayRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    public func add(_ holiday: HolidayOverride) async throws {
        try await HolidayOverrideRecord(holiday).create(on: database)
    }

    /// Holiday overrides in `year`.
    public func holidayOverrides(year: Int) async throws -> [HolidayOverride] {
        try await HolidayOverrideRecord.query(on: database)
            .filter(\.$day >= CivilDate.startOf(year: year).iso).filter(\.$day <= CivilDate.endOf(year: year).iso)
            .sort(\.$day).all().compactMap { $0.value() }
    }
}

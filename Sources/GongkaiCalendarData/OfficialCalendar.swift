import Foundation
import GongkaiCore

/// 内置节假日安排 — the State Council's notices for 2019–2026, shipped as one JSON resource per year
/// (`Resources/holidays-YYYY.json`) and read here, at the edge, so that `GongkaiCore` does no I/O.
///
/// ```swift
/// let cal = try WorkingDayCalendar.official()
/// cal.isWorkingDay(CivilDate(2024, 2, 4)) // true — 调休上班 (春节)
/// ```
extension WorkingDayCalendar {
    /// The built-in schedules, read once from the bundled resource.
    public static func official() throws -> WorkingDayCalendar {
        try OfficialCalendar.loaded.get()
    }
}

enum OfficialCalendar {
    static let loaded: Result<WorkingDayCalendar, CalendarError> = Result {
        guard let dir = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw CalendarError.missingResource("Resources")
        }
        let files = ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix("holidays-") && $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw CalendarError.missingResource("holidays-*.json") }
        var calendar = WorkingDayCalendar()
        for file in files {
            guard let data = try? Data(contentsOf: file) else {
                throw CalendarError.missingResource(file.lastPathComponent)
            }
            calendar = try calendar.adding(json: data)
        }
        return calendar
    }.mapError { $0 as? CalendarError ?? .unreadableSchedule("\($0)") }
}

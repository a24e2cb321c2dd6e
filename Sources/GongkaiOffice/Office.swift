import FluentKit
import GongkaiCore
import GongkaiStore

/// The office's workflows, each once: receive an application, record an event, show a case file and the cases
/// due, build and render an agency's report, export a register by role, create the demo agency. The CLI and the
/// web layer parse their input, call one of these, and present the result.
///
/// Runs on the FluentKit `Database` it is handed (a web server's pool, or the CLI's own `Store`) and owns no event
/// loop. Time comes in as a parameter; the working-day calendar is loaded by the caller.
///
/// ```swift
/// let office = Office(database: store.database, calendar: try WorkingDayCalendar.official())
/// let scope = try await office.scope(agencyID: 1, username: "li")
/// let stored = try await office.receive(intake, scope: scope, at: now)
/// ```
public struct Office: Sendable {
    public let database: any Database
    public let calendar: WorkingDayCalendar

    public init(database: any Database, calendar: WorkingDayCalendar) {
        self.database = database
        self.calendar = calendar
    }

    /// The scope `username` acts in (checked: the user belongs to the agency), or the agency's own scope when no
    /// user is named (no personal data; events recorded without an actor).
    public func scope(agencyID: Int, username: String?) async throws -> AgencyScope {
        let agencies = AgencyRepository(database: database)
        guard let username else { return try await agencies.scope(agencyID: agencyID) }
        return try await agencies.scope(agencyID: agencyID, username: username)
    }

    /// The agency's own scope, or nil when no agency is named (a register of no agency, such as the holidays).
    public func scope(agencyID: Int?) async throws -> AgencyScope? {
        guard let agencyID else { return nil }
        return try await AgencyRepository(database: database).scope(agencyID: agencyID)
    }

    func cases(_ scope: AgencyScope) -> CaseRepository {
        CaseRepository(database: database, scope: scope, calendar: calendar)
    }

    /// Creates the demo agency (`gongkai demo`) with its records and 21 whole cases, and publishes its 2020 report
    /// from them through the drafting workflow, with the seed's words.
    public func createDemo() async throws -> (agency: Agency, created: Bool) {
        let demo = try await DemoAgency(database: database, calendar: calendar).create()
        try await publishDemoReport(demo.agency)
        return demo
    }
}

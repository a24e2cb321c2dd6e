/// The agency whose registers a repository reads and writes, with the acting user and whether that user's role
/// may see applicants' personal data. Only `AgencyRepository.scope(…)` makes one (after checking the agency and
/// the user), and every repository of an agency's data is built from one: no query on those tables can be
/// written without the agency.
///
/// ```swift
/// let scope = try await AgencyRepository(store: store).scope(agencyID: 1, username: "li")
/// let cases = CaseRepository(database: store.database, scope: scope, calendar: cal)
/// ```
public struct AgencyScope: Hashable, Sendable {
    /// The agency as stored (its name and region head its report).
    public let agency: Agency
    public var agencyID: Int { agency.id! }
    /// The acting user, recorded as the actor of the events they record; nil for the agency's own processes
    /// (reports, imports, the demo).
    public let username: String?
    /// May see 身份证明, 联系人, 电话, 邮箱, 地址, 邮编 (`Role.mayViewPersonalData`).
    public let mayViewPersonalData: Bool
    /// The acting user's role (`Role.name`); nil for the agency's own processes.
    public let role: String?

    /// `agency` must be a stored agency (with its id).
    init(agency: Agency, username: String?, mayViewPersonalData: Bool, role: String? = nil) {
        precondition(agency.id != nil, "a scope is made from a stored agency")
        self.agency = agency
        self.username = username
        self.mayViewPersonalData = mayViewPersonalData
        self.role = role
    }

    /// The actor written on events.
    public var actor: String { username ?? "" }
}

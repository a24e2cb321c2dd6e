import GongkaiCore
import GongkaiStore

/// 首次设置 as typed on the first-run page: the agency and its first administrator, every field as text.
public struct SetUpForm: Sendable, Hashable {
    public var agencyName, agencyCode, level, region, username, displayName, password, confirm: String

    public init(
        agencyName: String, agencyCode: String, level: String, region: String, username: String, displayName: String,
        password: String, confirm: String
    ) {
        (self.agencyName, self.agencyCode, self.level, self.region) = (agencyName, agencyCode, level, region)
        (self.username, self.displayName, self.password, self.confirm) = (username, displayName, password, confirm)
    }
}

extension StaffSignIn {
    /// 首次设置 from the form: every problem at once, keyed by the form's field names (`IntakeProblems`, or one
    /// `IntakeError`) and nothing stored; then the agency and its administrator are created and signed in
    /// (`setUp(agency:administrator:password:at:)`).
    public func setUp(_ form: SetUpForm, at now: Moment) async throws -> (token: String, member: StaffMember) {
        var problems: [IntakeError] = []
        for (key, label, value) in [("agencyName", "机关名称", form.agencyName), ("agencyCode", "机关代码", form.agencyCode),
                                    ("username", "管理员用户名", form.username), ("displayName", "姓名", form.displayName)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(IntakeError(field: label, reason: "请填写", key: key))
        }
        let level = AgencyLevel(rawValue: form.level)
        let region = RegionalVariant(rawValue: form.region)
        if level == nil { problems.append(IntakeError(field: "行政层级", reason: "请从列表中选择", key: "level")) }
        if region == nil { problems.append(IntakeError(field: "年报格式", reason: "请从列表中选择", key: "region")) }
        let rules = StaffPasswordRules.problems(form.password, username: form.username)
        if !rules.isEmpty { problems.append(IntakeError(field: "密码", reason: rules.joined(separator: "；"), key: "password")) }
        if form.password != form.confirm { problems.append(IntakeError(field: "再次输入密码", reason: "两次输入的密码不一致", key: "confirm")) }
        guard problems.isEmpty, let level, let region else {
            if problems.count == 1 { throw problems[0] }
            throw IntakeProblems(problems: problems)
        }
        do {
            return try await setUp(
                agency: Agency(name: form.agencyName, code: form.agencyCode, level: level, region: region),
                administrator: User(agencyID: 0, username: form.username, displayName: form.displayName, role: "admin"),
                password: form.password, at: now)
        } catch StoreError.invalidValue(let field, _, let reason) {
            let key = ["name": "agencyName", "code": "agencyCode", "username": "username"][field] ?? "agencyName"
            throw IntakeError(field: field, reason: reason, key: key)
        }
    }
}

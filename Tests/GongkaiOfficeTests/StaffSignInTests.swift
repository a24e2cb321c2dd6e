import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Synchronization
import Testing

/// Secrets whose workings a test can see: a "hash" is the password behind a marker (the office never reads a
/// hash, it only hands it back to `verifyPassword`), tokens are numbered, a digest is the token reversed. Bcrypt
/// itself is tested through the web layer's `BcryptSecrets`.
final class CountingSecrets: StaffSecrets {
    let issued = Mutex(0)

    func hashPassword(_ password: String) throws -> String { "hashed:" + password }
    func verifyPassword(_ password: String, hash: String) throws -> Bool { hash == "hashed:" + password }
    func newSessionToken() -> String { issued.withLock { $0 += 1; return "token-\($0)" } }
    func digest(ofToken token: String) -> String { String(token.reversed()) }
}

/// 登录、锁定、会话与口令 — the office's sign-in rules on both databases.
@Suite struct StaffSignInTests {
    static let t0 = Moment(parsing: "2026-12-07 09:00")!
    static func at(_ minutes: Int) -> Moment { Moment(minuteNumber: t0.minuteNumber + minutes) }
    static let password = "gongkai-2026"

    /// An office with agency 甲局 and the user `li` (承办人) whose password is `password`; `wang` has none.
    static func withStaff(_ backend: OfficeBackend, _ name: String, _ body: (Office, StaffSignIn) async throws -> Void)
        async throws
    {
        let configuration = try await backend.freshConfiguration(name)
        try await OfficeBackend.withOffice(configuration) { office in
            let agencies = AgencyRepository(database: office.database)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            _ = try await agencies.addUser(User(agencyID: a, username: "li", displayName: "李四", role: "officer"))
            _ = try await agencies.addUser(User(agencyID: a, username: "wang", displayName: "王五", role: "viewer"))
            let staff = office.staff(CountingSecrets())
            try await staff.setPassword(password, username: "li")
            try await body(office, staff)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func signingInGivesASessionInTheUsersAgencyAndRole(_ backend: OfficeBackend) async throws {
        try await Self.withStaff(backend, "signin") { office, staff in
            let (token, member) = try await staff.signIn(username: " li ", password: Self.password, at: Self.t0)
            #expect(token == "token-1")
            #expect(member.user.username == "li" && member.role.title == "承办人" && member.agency.name == "甲局")
            #expect(member.scope.mayViewPersonalData && member.scope.username == "li")
            let again = try #require(try await staff.member(token: token, at: Self.at(30)))
            #expect(again.user.displayName == "李四")
            #expect(try await staff.member(token: "token-9", at: Self.at(30)) == nil)
            try await staff.signOut(token: token)
            #expect(try await staff.member(token: token, at: Self.at(31)) == nil)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func unknownUsersWrongPasswordsAndUsersWithoutOneGetTheSameAnswer(_ backend: OfficeBackend) async throws {
        try await Self.withStaff(backend, "refused") { _, staff in
            // | username | password       | answer  |
            // | li       | wrong          | refused |
            // | nobody   | the right one  | refused |
            // | wang     | anything       | refused (no password set) |
            // | li       | (empty)        | refused |
            for (user, password) in [("li", "wrong"), ("nobody", Self.password), ("wang", Self.password), ("li", "")] {
                await #expect(throws: SignInError.refused) {
                    try await staff.signIn(username: user, password: password, at: Self.t0)
                }
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func theFifthFailureLocksForFifteenMinutesAndASuccessForgetsFailures(_ backend: OfficeBackend) async throws {
        try await Self.withStaff(backend, "lockout") { _, staff in
            // | attempt      | minute | answer                         |
            // | 1–4 wrong    | 0–3    | refused                        |
            // | 5 wrong      | 4      | locked until minute 19         |
            // | right        | 10     | locked until minute 19         |
            // | right        | 19     | signed in                      |
            // | 4 wrong      | 20–23  | refused (the count began again)|
            // | right        | 24     | signed in                      |
            for minute in 0..<4 {
                await #expect(throws: SignInError.refused) {
                    try await staff.signIn(username: "li", password: "x", at: Self.at(minute))
                }
            }
            let until = Self.at(19)
            await #expect(throws: SignInError.locked(until: until)) {
                try await staff.signIn(username: "li", password: "x", at: Self.at(4))
            }
            await #expect(throws: SignInError.locked(until: until)) {
                try await staff.signIn(username: "li", password: Self.password, at: Self.at(10))
            }
            _ = try await staff.signIn(username: "li", password: Self.password, at: until)
            for minute in 20..<24 {
                await #expect(throws: SignInError.refused) {
                    try await staff.signIn(username: "li", password: "x", at: Self.at(minute))
                }
            }
            _ = try await staff.signIn(username: "li", password: Self.password, at: Self.at(24))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func sessionsEndAfterTwoIdleHoursOrTwelveHoursInAll(_ backend: OfficeBackend) async throws {
        try await Self.withStaff(backend, "sessions") { _, staff in
            // | used at minute … since the last use | answer            |
            // | 119                                | still signed in   |
            // | 119 + 120                          | ended (idle)      |
            let (idle, _) = try await staff.signIn(username: "li", password: Self.password, at: Self.t0)
            #expect(try await staff.member(token: idle, at: Self.at(119)) != nil)
            #expect(try await staff.member(token: idle, at: Self.at(239)) == nil)
            #expect(try await staff.member(token: idle, at: Self.at(240)) == nil, "an ended session stays ended")
            // Used every 100 minutes, a session still ends 720 minutes after sign-in.
            let (busy, _) = try await staff.signIn(username: "li", password: Self.password, at: Self.t0)
            for minute in stride(from: 100, through: 700, by: 100) {
                #expect(try await staff.member(token: busy, at: Self.at(minute)) != nil, "minute \(minute)")
            }
            #expect(try await staff.member(token: busy, at: Self.at(720)) == nil)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func changingThePasswordEndsTheOtherSessionsOnly(_ backend: OfficeBackend) async throws {
        try await Self.withStaff(backend, "password") { _, staff in
            let (here, _) = try await staff.signIn(username: "li", password: Self.password, at: Self.t0)
            let (elsewhere, _) = try await staff.signIn(username: "li", password: Self.password, at: Self.t0)
            await #expect(throws: SignInError.wrongCurrentPassword) {
                try await staff.changePassword(token: here, current: "wrong", new: "new-pass-2027", at: Self.at(1))
            }
            await #expect(throws: SignInError.weakPassword(["至少 10 个字符"])) {
                try await staff.changePassword(token: here, current: Self.password, new: "ab-12", at: Self.at(1))
            }
            #expect(try await staff.member(token: elsewhere, at: Self.at(1)) != nil, "a refused change ends nothing")
            try await staff.changePassword(token: here, current: Self.password, new: "new-pass-2027", at: Self.at(2))
            #expect(try await staff.member(token: here, at: Self.at(3)) != nil)
            #expect(try await staff.member(token: elsewhere, at: Self.at(3)) == nil)
            await #expect(throws: SignInError.refused) {
                try await staff.signIn(username: "li", password: Self.password, at: Self.at(4))
            }
            _ = try await staff.signIn(username: "li", password: "new-pass-2027", at: Self.at(4))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func anAdministratorsResetUnlocksTheAccount(_ backend: OfficeBackend) async throws {
        try await Self.withStaff(backend, "reset") { _, staff in
            for minute in 0..<5 { _ = try? await staff.signIn(username: "li", password: "x", at: Self.at(minute)) }
            await #expect(throws: SignInError.locked(until: Self.at(19))) {
                try await staff.signIn(username: "li", password: Self.password, at: Self.at(5))
            }
            try await staff.setPassword("reset-pass-01", username: "li")
            _ = try await staff.signIn(username: "li", password: "reset-pass-01", at: Self.at(6))
            await #expect(throws: StoreError.notFound("用户 nobody")) {
                try await staff.setPassword("reset-pass-01", username: "nobody")
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func theFirstRunCreatesOneAgencyAndItsAdministratorOnce(_ backend: OfficeBackend) async throws {
        let configuration = try await backend.freshConfiguration("setup")
        try await OfficeBackend.withOffice(configuration) { office in
            let staff = office.staff(CountingSecrets())
            #expect(try await staff.needsSetUp())
            let agency = Agency(name: "乙局", code: "B", level: .county, region: .beijing)
            let admin = User(agencyID: 0, username: "zhao", displayName: "赵六", role: "viewer")
            await #expect(throws: SignInError.weakPassword(["须含字母、数字、其他符号中的至少两种"])) {
                try await staff.setUp(agency: agency, administrator: admin, password: "abcdefghijkl", at: Self.t0)
            }
            #expect(try await staff.needsSetUp(), "a refused set-up stores nothing")
            let (_, member) = try await staff.setUp(agency: agency, administrator: admin, password: Self.password, at: Self.t0)
            #expect(member.role.name == "admin" && member.agency.name == "乙局" && member.agency.region == .beijing)
            #expect(try await !staff.needsSetUp())
            await #expect(throws: StoreError.alreadySetUp) {
                try await staff.setUp(agency: Agency(name: "丙局", code: "C", level: .county, region: .national),
                                      administrator: admin, password: Self.password, at: Self.t0)
            }
            #expect(try await office.agencies().map(\.name) == ["乙局"])
        }
    }

    @Test(arguments: [
        // | password                 | username | problems                                   |
        ("gongkai-2026", "li", [String]()),
        ("政府信息公开工作2026", "li", []),
        ("short-1", "li", ["至少 10 个字符"]),
        ("abcdefghijkl", "li", ["须含字母、数字、其他符号中的至少两种"]),
        ("1234567890", "li", ["须含字母、数字、其他符号中的至少两种"]),
        ("my-Li-password-1", "li", ["不能包含用户名"]),
        (String(repeating: "政", count: 24) + "1", "li", ["不超过 72 个字节（约 24 个汉字）"]),
        ("", "li", ["至少 10 个字符", "须含字母、数字、其他符号中的至少两种"]),
    ])
    func passwordRules(_ password: String, _ username: String, _ problems: [String]) {
        #expect(StaffPasswordRules.problems(password, username: username) == problems)
    }
}

/// 首次设置 from the form as typed: every problem named by its field, nothing stored; then the agency and its
/// administrator, signed in.
@Suite struct FirstRunSetUpTests {
    @Test(arguments: OfficeBackend.available)
    func everyProblemIsNamedThenTheAgencyIsCreated(_ backend: OfficeBackend) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration("first_run")) { office in
            let staff = office.staff(CountingSecrets())
            var form = SetUpForm(
                agencyName: " ", agencyCode: "DX-1", level: "district", region: "beijing", username: "admin",
                displayName: "管理员", password: "short", confirm: "other")
            do {
                _ = try await staff.setUp(form, at: Moment(parsing: "2026-12-05 09:00")!)
                Issue.record("set up with problems")
            } catch let e as IntakeProblems {
                // | field      | problem              |
                // | agencyName | 请填写                |
                // | level      | 请从列表中选择          |
                // | password   | the rules it breaks  |
                // | confirm    | 两次输入的密码不一致     |
                #expect(e.problems.map(\.key) == ["agencyName", "level", "password", "confirm"])
            }
            #expect(try await staff.needsSetUp(), "nothing stored")
            (form.agencyName, form.level, form.password, form.confirm) = ("北京市大兴区某局", "county", "good-pass-2026", "good-pass-2026")
            let (_, member) = try await staff.setUp(form, at: Moment(parsing: "2026-12-05 09:01")!)
            #expect(member.agency.name == "北京市大兴区某局" && member.role.name == "admin")
            #expect(try await !staff.needsSetUp())
        }
    }
}

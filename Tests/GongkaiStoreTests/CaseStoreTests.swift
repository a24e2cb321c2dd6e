import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Testing

/// Whole cases stored and loaded back; every change through the state machine in one transaction.
@Suite struct CaseStoreTests {
    typealias F = CaseFixtures

    /// Two agencies with an officer (may see personal data) and a viewer (may not) each.
    static func twoAgencies(_ store: Store) async throws -> (a: AgencyScope, b: AgencyScope, viewerA: AgencyScope) {
        let agencies = AgencyRepository(store: store)
        let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
        let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
        _ = try await agencies.addUser(User(agencyID: a, username: "li", displayName: "李", role: "officer"))
        _ = try await agencies.addUser(User(agencyID: a, username: "zhao", displayName: "赵", role: "viewer"))
        _ = try await agencies.addUser(User(agencyID: b, username: "wang", displayName: "王", role: "officer"))
        return (
            try await agencies.scope(agencyID: a, username: "li"),
            try await agencies.scope(agencyID: b, username: "wang"),
            try await agencies.scope(agencyID: a, username: "zhao")
        )
    }

    static func cases(_ store: Store, _ scope: AgencyScope) -> CaseRepository {
        CaseRepository(database: store.database, scope: scope, calendar: F.calendar)
    }

    @Test("Generated cases saved whole and loaded back are equal", arguments: Backend.available)
    func roundTrip(_ backend: Backend) async throws {
        try await backend.withStore("case_round_trip") { store in
            let (a, _, viewer) = try await Self.twoAgencies(store)
            let repo = Self.cases(store, a)
            var rng = SplitMix64(seed: 2026)
            var generated: [ApplicationCase] = []
            for n in 0..<150 {
                let c = CaseGenerator.application(id: "R-\(n)", around: 2019 + n % 7, rng: &rng)
                generated.append(c)
                let stored = try await repo.receive(c)
                #expect(stored.value == c && stored.version == 1)
            }
            #expect(Set(generated.map(\.log.count)).count > 3, "histories of several lengths")
            for c in generated {
                let loaded = try #require(try await repo.find(c.id))
                #expect(loaded.value == c, "\(c.id)")
                #expect(try await repo.find(c.trackingCode!.description)?.value == c, "by tracking code")
                let seen = try #require(try await Self.cases(store, viewer).find(c.id)).value
                #expect(seen == c.withoutPersonalData && seen.applicant.phone == nil)
                #expect(seen.applicant.identityDocument == nil && seen.applicant.address == nil)
            }
        }
    }

    @Test(
        "An illegal transition is refused with the core's message; the stored case is unchanged",
        arguments: Backend.available)
    func illegalTransition(_ backend: Backend) async throws {
        try await backend.withStore("case_illegal") { store in
            let (a, _, _) = try await Self.twoAgencies(store)
            let repo = Self.cases(store, a)
            try await repo.receive(F.received("2024-1", "2024-03-04"))
            let before = try #require(try await repo.find("2024-1"))
            await #expect {
                try await repo.record(
                    ApplicationEvent(F.day("2024-03-05"), .feePaid), at: nil, on: "2024-1",
                    expectedVersion: before.version)
            } throws: { error in
                let text = "\(error)"
                return text.contains("没有待缴费的收费通知") && text.contains("2024-1")
            }
            // A correction notice after the 7 working days of Art. 30: the core's article in the message.
            await #expect {
                try await repo.record(
                    ApplicationEvent(F.day("2024-04-30"), .correctionRequested(deadline: F.day("2024-05-30"))),
                    at: nil, on: "2024-1", expectedVersion: before.version)
            } throws: { error in "\(error)".contains("第三十条") }
            #expect(try await repo.find("2024-1") == before)
        }
    }

    @Test("A stale version is refused; the change made in between stays", arguments: Backend.available)
    func staleVersion(_ backend: Backend) async throws {
        try await backend.withStore("case_stale") { store in
            let (a, _, _) = try await Self.twoAgencies(store)
            let repo = Self.cases(store, a)
            let first = try await repo.receive(F.received("2024-2", "2024-03-04"))
            let moment = Moment(parsing: "2024-03-06 10:00")
            let second = try await repo.record(
                ApplicationEvent(F.day("2024-03-06"), .consultationSent(.thirdParty)), at: moment, on: "2024-2",
                expectedVersion: first.version)
            #expect(
                second.version == 2 && second.value.log.last?.actor == "li"
                    && second.value.log.last?.recordedAt == moment)
            await #expect(throws: CaseError.staleVersion(reference: "2024-2", expected: 1, found: 2)) {
                try await repo.record(
                    ApplicationEvent(F.day("2024-03-07"), .answered(.granted)), at: nil,
                    on: "2024-2", expectedVersion: first.version)
            }
            #expect(try await repo.find("2024-2") == second)
        }
    }

    @Test("Two officers recording on one case at once: exactly one succeeds", arguments: Backend.available)
    func concurrentOfficers(_ backend: Backend) async throws {
        try await backend.withStore("case_concurrent") { store in
            let (a, _, _) = try await Self.twoAgencies(store)
            let repo = Self.cases(store, a)
            let v = try await repo.receive(F.received("2024-3", "2024-03-04")).version
            let results = await withTaskGroup(of: Bool.self) { group in
                for outcome in [Outcome.granted, .partiallyGranted] {
                    group.addTask {
                        (try? await repo.record(
                            ApplicationEvent(F.day("2024-03-08"), .answered(outcome)), at: nil,
                            on: "2024-3", expectedVersion: v)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let stored = try #require(try await repo.find("2024-3"))
            #expect(stored.version == 2 && stored.value.events.count == 2)
        }
    }

    @Test("Another agency's cases cannot be read or changed", arguments: Backend.available)
    func agencyIsolation(_ backend: Backend) async throws {
        try await backend.withStore("case_isolation") { store in
            let (a, b, _) = try await Self.twoAgencies(store)
            let (repoA, repoB) = (Self.cases(store, a), Self.cases(store, b))
            let c = F.received("2024-4", "2024-03-04")
            try await repoA.receive(c)
            let before = try #require(try await repoA.find("2024-4"))
            #expect(try await repoB.find("2024-4") == nil)
            #expect(try await repoB.find(c.trackingCode!.value) == nil)
            #expect(try await repoB.open(on: F.day("2024-03-05")).isEmpty)
            #expect(try await repoB.countedIn(year: 2024).isEmpty)
            await #expect(throws: CaseError.notFound("2024-4")) {
                try await repoB.record(
                    ApplicationEvent(F.day("2024-03-05"), .answered(.granted)), at: nil,
                    on: "2024-4", expectedVersion: nil)
            }
            // The same reference in B is B's own case; A's stays as it was.
            try await repoB.receive(F.received("2024-4", "2024-03-05", kind: .commercialEnterprise))
            #expect(try await repoB.find("2024-4")?.value.applicant.kind == .commercialEnterprise)
            #expect(try await repoA.find("2024-4") == before)
            #expect(try await repoA.open(on: F.day("2024-03-05")).map(\.value.id) == ["2024-4"])
            #expect(try await repoA.countedIn(year: 2024).map(\.applicant.kind) == [.naturalPerson])
            // A user of A cannot act in B.
            await #expect(throws: StoreError.self) {
                try await AgencyRepository(store: store).scope(agencyID: b.agencyID, username: "li")
            }
            await #expect(throws: CaseError.duplicateReference("2024-4")) { try await repoA.receive(c) }
        }
    }
}

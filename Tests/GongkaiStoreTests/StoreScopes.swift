import Foundation
import GongkaiCore
import GongkaiStore

/// Tests name agencies by id; these turn an id into a scope the way the office does (the agency is looked up,
/// so an unknown id fails here as it would in the office).
extension Store {
    /// The agency's own scope: no user, no personal data.
    func scope(_ agencyID: Int) async throws -> AgencyScope {
        try await AgencyRepository(store: self).scope(agencyID: agencyID)
    }

    /// The scope of an officer of the agency (created on first use), whose role may see personal data.
    func personalDataScope(_ agencyID: Int) async throws -> AgencyScope {
        let agencies = AgencyRepository(store: self)
        let username = "officer-\(agencyID)"
        if try await !agencies.users(agencyID: agencyID).contains(where: { $0.username == username }) {
            _ = try await agencies.addUser(
                User(agencyID: agencyID, username: username, displayName: "经办人", role: "officer"))
        }
        return try await agencies.scope(agencyID: agencyID, username: username)
    }
}

extension RegisterImporter {
    /// `importCSV` into agency `agencyID` (nil: a register of no agency), with tracking codes from the system's
    /// generator.
    func importCSV(
        _ data: Data, fileName: String, register spec: RegisterSpec, agencyID: Int?, skipInvalid: Bool,
        into store: Store
    ) async throws -> ImportSummary {
        let scope = agencyID == nil ? nil : try await store.scope(agencyID!)
        var random = SystemRandomNumberGenerator()
        return try await importCSV(
            data, fileName: fileName, register: spec, scope: scope, skipInvalid: skipInvalid, random: &random)
    }
}

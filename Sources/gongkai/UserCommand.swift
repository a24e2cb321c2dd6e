import ArgumentParser
import GongkaiStore

/// `gongkai user add|list` — who works in an agency, and whether their role may see applicants' ID and phone
/// numbers (`gongkai export --personal-data-for USER`).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add a user to an agency, or list an agency's users and their roles.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user to an agency with a role.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Agency id (gongkai agency list).")
        var agency: Int

        @Option(name: .long, help: "Username, unique in the database.")
        var username: String

        @Option(name: .long, help: "The user's name as shown to others.")
        var name: String = ""

        @Option(
            name: .long,
            help: "Role: \(Role.builtIn.map { "\($0.name) (\($0.mayViewPersonalData ? "may" : "may not") see ID and phone numbers)" }.joined(separator: ", ")).")
        var role: String = "officer"

        func run() throws {
            let user = User(agencyID: agency, username: username, displayName: name.isEmpty ? username : name, role: role)
            let created = try reportingStoreErrors {
                try store.withStore(migrating: .always) { store in
                    return try await AgencyRepository(store: store).addUser(user)
                }
            }
            print("已添加用户：\(created.username)（\(created.role)，机关编号 \(created.agencyID)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an agency's users: username, role, name.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Agency id.")
        var agency: Int

        func run() throws {
            let id = agency
            let users = try reportingStoreErrors {
                try store.withStore { store in
                    let repository = AgencyRepository(store: store)
                    _ = try await repository.find(id: id)
                    return try await repository.users(agencyID: id)
                }
            }
            for u in users { print([u.username, u.role, u.displayName].joined(separator: "\t")) }
        }
    }
}

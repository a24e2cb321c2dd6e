import ArgumentParser
import Foundation
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import GongkaiWeb

/// `gongkai user add|password|list` — who works in an agency, their role (and whether it may see applicants' ID
/// and phone numbers: `gongkai export --personal-data-for USER`), and their sign-in password.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add a user to an agency, set a user's password, or list an agency's users and their roles.",
        subcommands: [Add.self, Password.self, List.self])

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
            help: "Role: \(Role.builtIn.map { "\($0.name) \($0.title) (\($0.mayViewPersonalData ? "may" : "may not") see ID and phone numbers)" }.joined(separator: ", ")).")
        var role: String = "officer"

        @Flag(name: .long, help: "Read the user's sign-in password from standard input (its first line). Without it the user cannot sign in until `gongkai user password` sets one.")
        var passwordStdin = false

        func run() throws {
            let user = User(agencyID: agency, username: username, displayName: name.isEmpty ? username : name, role: role)
            let password = passwordStdin ? try readPassword() : nil
            let created = try reportingStoreErrors {
                try store.withStore(migrating: .always) { store in
                    guard let password else { return try await AgencyRepository(store: store).addUser(user) }
                    let office = Office(database: store.database, calendar: try WorkingDayCalendar.official())
                    return try await office.staff(BcryptSecrets()).addUser(user, password: password)
                }
            }
            print("已添加用户：\(created.username)（\(Role.title(of: created.role))，机关编号 \(created.agencyID)）\(password == nil ? "；尚未设置密码，不能登录" : "，已设置密码")")
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's sign-in password from standard input; unlocks the account and signs it out everywhere.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Username.")
        var username: String

        @Flag(name: .long, help: "Read the password from standard input (its first line); required, so that it never appears in the shell's history or the process list.")
        var passwordStdin = false

        func run() throws {
            guard passwordStdin else { throw ValidationError("请用 --password-stdin 从标准输入提供密码（密码不应出现在命令行上）") }
            let (password, name) = (try readPassword(), username)
            try reportingStoreErrors {
                try store.withStore { store in
                    let office = Office(database: store.database, calendar: try WorkingDayCalendar.official())
                    try await office.staff(BcryptSecrets()).setPassword(password, username: name)
                }
            }
            print("已设置用户 \(username) 的密码；该用户此前的登录均已退出")
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

/// The first line of standard input, without its line ending: a password given with `--password-stdin`.
func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("标准输入中没有密码（--password-stdin 读取第一行）")
    }
    return line
}

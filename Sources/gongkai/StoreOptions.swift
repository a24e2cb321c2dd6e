import ArgumentParser
import Dispatch
import Foundation
import GongkaiOffice
import GongkaiStore

/// `--database URL` for every store command; falls back to `GONGKAI_DATABASE_URL`, then `sqlite://./gongkai.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database URL: sqlite://PATH or postgres://USER@HOST:PORT/DB (default: $GONGKAI_DATABASE_URL, else sqlite://./gongkai.sqlite).",
            valueName: "URL"))
    var database: String?

    /// The configuration, or a clear message and exit status 2 for a bad URL.
    func configuration() throws -> StoreConfiguration {
        do {
            return try StoreConfiguration.resolve(flag: database, environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

    /// When a command runs pending migrations before its work.
    enum Migrating {
        /// Never (`migrate` and `backup` decide themselves).
        case no
        /// On SQLite only (zero set-up). On PostgreSQL, `gongkai migrate` runs them once per deploy, since Fluent's
        /// migrator takes no lock across app servers.
        case onSQLite
        /// On both: the commands that set up a new database (`demo`, `agency add`, `user add`).
        case always
    }

    /// Opens the store, runs pending migrations as `migrating` says, and runs `body`.
    func withStore<T: Sendable>(
        migrating: Migrating = .onSQLite, _ body: @escaping @Sendable (Store) async throws -> T
    ) throws -> T {
        let configuration = try configuration()
        return try runBlocking {
            let store = try await Store.open(configuration)
            do {
                switch migrating {
                case .no: break
                case .onSQLite: if !configuration.isPostgres { try await store.migrate() }
                case .always: try await store.migrate()
                }
                let result = try await body(store)
                await store.close()
                return result
            } catch {
                await store.close()
                throw StoreError.mapping(error, database: configuration)
            }
        }
    }
}

/// Runs async store work from a synchronous command and waits for it (the root command is synchronous).
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// Prints a store error in Chinese and exits 1 (other errors as they are).
func reportingStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as CSVError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as SignInError {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Carries a result out of a detached task (written once, read after the semaphore).
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

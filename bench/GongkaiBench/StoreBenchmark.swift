import Dispatch
import Foundation
import GongkaiCore
import GongkaiStore

/// `swift run -c release GongkaiBench store [--database URL] [--applications N] [--records N] [--agencies N]
/// [--year Y] [--regenerate] [--results FILE]` — builds all agencies' reports from a district database and times
/// them beside the same SQL statements run by the bare command-line client (`sqlite3` or `psql`) on the same data.
enum StoreBenchmark {
    struct Options {
        var database = "sqlite:///tmp/gongkai-bench.sqlite"
        var data = StoreBenchmarkData(postgres: false)
        var year = 2020
        var regenerate = false
        var results: String?
        var runs = 5
    }

    static func run(arguments: [String]) {
        do {
            let options = try parse(arguments)
            let done = DispatchSemaphore(value: 0)
            final class Box: @unchecked Sendable { var error: (any Error)? }
            let box = Box()
            Task.detached {
                do { try await measure(options) } catch { box.error = error }
                done.signal()
            }
            done.wait()
            if let error = box.error { throw error }
        } catch {
            FileHandle.standardError.write(Data("store benchmark: \(String(reflecting: error))\n".utf8))
            exit(1)
        }
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var o = Options()
        var it = arguments.makeIterator()
        while let a = it.next() {
            func value() throws -> String {
                guard let v = it.next() else { throw StoreError.invalidValue(field: a, value: "", reason: "缺少取值") }
                return v
            }
            switch a {
            case "--database": o.database = try value()
            case "--applications": o.data.applications = Int(try value()) ?? o.data.applications
            case "--records": o.data.records = Int(try value()) ?? o.data.records
            case "--agencies": o.data.agencies = Int(try value()) ?? o.data.agencies
            case "--year": o.year = Int(try value()) ?? o.year
            case "--runs": o.runs = max(1, Int(try value()) ?? o.runs)
            case "--regenerate": o.regenerate = true
            case "--results": o.results = try value()
            default: throw StoreError.invalidValue(field: "参数", value: a, reason: "未知参数")
            }
        }
        o.data = StoreBenchmarkData(
            agencies: o.data.agencies, applications: o.data.applications, records: o.data.records,
            postgres: o.database.hasPrefix("postgres"))
        return o
    }

    static func measure(_ o: Options) async throws {
        let configuration = try StoreConfiguration(url: o.database)
        let generation = try await prepare(configuration, o)
        let store = try await Store.open(configuration)
        let builder = StoreReportBuilder(store: store)
        let repository = AgencyRepository(store: store)
        let agencies = try await repository.all()
        var statements: [String] = []
        for a in agencies {  // warm-up
            statements += try await store.reportStatements(try await repository.scope(agencyID: a.id!), year: o.year)
        }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bench-\(getpid()).sql")
        try (statements.map { $0 + ";" }.joined(separator: "\n") + "\n").write(
            to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        // Each run times the Swift reports and then the bare client, so that both see the same machine state.
        var reportTimes: [Double] = []
        var bareTimes: [Double] = []
        var cells = 0
        for _ in 0..<o.runs {
            let start = DispatchTime.now()
            for a in agencies {  // as `gongkai report` does: the agency's scope (one lookup), then the report
                let r = try await builder.report(try await repository.scope(agencyID: a.id!), year: o.year)
                cells += r.applications.table[.total, .total].countOrZero
            }
            reportTimes.append(seconds(since: start))
            bareTimes.append(try runBare(configuration, script: script.path))
        }
        let counts = try await rowCounts(store)
        await store.close()
        let text = resultsSection(
            o, configuration, generation, counts, agencies.count, statements.count, reportTimes, bareTimes)
        print(text)
        if let file = o.results { try append(text, to: file) }
        _ = cells
    }

    static func prepare(_ configuration: StoreConfiguration, _ o: Options) async throws -> Double? {
        var store = try await Store.open(configuration)
        try await store.migrate()
        let have = try await store.integer(rawSQL: "SELECT COUNT(*) FROM applications") ?? 0
        if have == o.data.applications && !o.regenerate {
            await store.close()
            return nil
        }
        FileHandle.standardError.write(
            Data("generating \(o.data.applications) applications, \(o.data.records) records…\n".utf8))
        try await store.revertAll()
        try await store.migrate()
        await store.close()
        store = try await Store.open(configuration)
        let start = DispatchTime.now()
        for statement in o.data.statements {
            try await store.execute(rawSQL: statement)
        }
        let took = seconds(since: start)
        await store.close()
        return took
    }

    static func rowCounts(_ store: Store) async throws -> [(String, Int)] {
        var out: [(String, Int)] = []
        let tables = [
            "agencies", "applications", "application_events", "administrative_items", "administrative_decisions",
            "catalogue_items",
        ]
        for t in tables {
            out.append((t, try await store.integer(rawSQL: "SELECT COUNT(*) FROM \(t)") ?? 0))
        }
        return out
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

import Foundation

// GongkaiBench — release-mode benchmarks. Usage:
//   swift run -c release GongkaiBench reports [SECONDS]   read + check the seed and samples, reports/s on one core
//   swift run -c release GongkaiBench reports --passes N  exactly N passes, no timing (bench/instructions.sh)
//   swift run -c release GongkaiBench store [--database URL] [--results bench/RESULTS.md]
//                                                        100 reports from a generated district database
//   swift run -c release GongkaiBench proposals [N ...]   第四十四条's grouping of N answered requests (default 1000 5000)
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first ?? "reports" {
case "reports" where arguments.count == 3 && arguments[1] == "--passes":
    guard let passes = Int(arguments[2]), passes >= 0 else {
        FileHandle.standardError.write(Data("--passes needs a whole number, not \(arguments[2])\n".utf8))
        exit(2)
    }
    ReportsBenchmark.run(passes: passes)
case "reports":
    ReportsBenchmark.run(seconds: arguments.dropFirst().first.flatMap(Double.init) ?? 5)
case "store":
    StoreBenchmark.run(arguments: Array(arguments.dropFirst()))
case "proposals":
    let sizes = arguments.dropFirst().compactMap { Int($0) }
    ProposalsBenchmark.run(sizes: sizes.isEmpty ? [1_000, 5_000] : sizes)
default:
    FileHandle.standardError.write(Data("unknown benchmark \(arguments[0]); try: reports, store, proposals\n".utf8))
    exit(2)
}

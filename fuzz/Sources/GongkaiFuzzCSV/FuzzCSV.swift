import Foundation
import FuzzDriver
@testable import GongkaiStore

/// The CSV harness's entry: libFuzzer's driver (fuzz/README.md).
@main enum FuzzCSVMain {
    static func main() {
        exit(LibFuzzer.run(fuzzOneInput))
    }
}

/// libFuzzer's entry point for the CSV import path up to the database: decoding, CSV parsing, and every
/// register's column and row checks (what `gongkai import` does before it opens a transaction). A crash, trap
/// or hang is a finding; a thrown error or an import issue is the reader doing its job.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    guard let table = try? CSVTable(text: CSVTable.decode(data)) else { return 0 }
    for spec in RegisterCatalog.all {
        let positions = spec.columns.map { c in table.header.firstIndex { $0 == c.header || $0 == c.chinese } }
        for record in table.records {
            var raw: [String: String] = [:]
            for (column, position) in zip(spec.columns, positions) {
                let field = position.flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? ""
                raw[column.header] = field
                _ = column.parse(field, context: ImportContext())
            }
            for rule in spec.rules { _ = rule.violation(raw) }
        }
    }
    return 0
}

import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiDocuments

/// `gongkai render FILE --to text|json|html|docx|pdf|svg [-o OUT]` — reads a report and writes it in another form.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Read an annual report and write it as text, JSON, HTML, DOCX, PDF or an SVG 图解.")

    @Argument(help: "The report to read (.txt .html .htm .docx .pdf .json).")
    var file: String

    @Option(name: .long, help: "The form to write: text, json, html, docx, pdf or svg.")
    var to: String

    @Option(name: .shortAndLong, help: "Where to write (default: standard output, for text, json, html and svg).")
    var output: String?

    @Option(name: .long, help: "For svg: the previous year's report, to chart year over year.")
    var compare: String?

    func run() throws {
        guard let format = RenderFormat(rawValue: to.lowercased()) else {
            throw ValidationError("--to 只能是 text、json、html、docx、pdf 或 svg，收到的是「\(to)」")
        }
        if output == nil, format == .docx || format == .pdf {
            throw ValidationError("\(to) 是二进制文件，请用 -o 指定输出文件")
        }
        let limits = try ReportInputs.limits()
        do {
            let report = try ReportFiles.read(url: URL(fileURLWithPath: file), limits: limits).report
            let previous = try compare.map {
                try ReportFiles.read(url: URL(fileURLWithPath: $0), limits: limits).report
            }
            let data = try ReportFiles.render(report, to: format, compare: previous)
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch let e as ReportReadError {
            printError(e.description)
            throw ExitCode(2)
        } catch let e as CocoaError {
            printError("无法写入 \(output ?? "标准输出")：\(e.localizedDescription)")
            throw ExitCode(2)
        }
    }
}

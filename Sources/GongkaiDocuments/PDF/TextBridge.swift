import Foundation
import GongkaiCore

/// The one place the document readers call the plain-text reader (`TextReportReader`).
enum TextBridge {
    static func read(_ text: String, source: String) throws -> ReadResult {
        try TextReportReader.read(text, source: source)
    }

    static func read(data: Data, source: String) throws -> ReadResult {
        try TextReportReader.read(data: data, source: source)
    }
}

import Foundation
import GongkaiCore

/// The one place the document readers call the plain-text reader (`TextReportReader`).
enum TextBridge {
    static func read(_ text: String, source: String, limits: InputLimits = .standard) throws -> ReadResult {
        try TextReportReader.read(text, source: source, limits: limits)
    }

    static func read(data: Data, source: String, limits: InputLimits = .standard) throws -> ReadResult {
        try TextReportReader.read(data: data, source: source, limits: limits)
    }
}

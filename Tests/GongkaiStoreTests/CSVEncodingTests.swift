import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// The encoding is decided from the whole file; text valid in neither UTF-8 nor GB18030, a UTF-8 file cut short,
/// a Latin-1 file, control characters and files above the size limit are refused with line and byte or column.
@Suite struct CSVEncodingTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    @Test func utf8AndGB18030Decode() throws {
        #expect(try CSVTable.decode(Data("\u{FEFF}name\n张三\n".utf8)) == "name\n张三\n")
        let gb = try #require("标题\n中文😀,朱镕基\n".data(using: Self.gb18030))
        #expect(try CSVTable.decode(gb) == "标题\n中文😀,朱镕基\n")
    }

    /// The issue's case: 张三 then a character cut in the middle is valid GB18030 (寮犱笁…) but is UTF-8 cut short.
    @Test func utf8CutInTheMiddleOfItsLastCharacterIsRefused() throws {
        let data = Data("name\n张三".utf8) + Data("张".utf8.prefix(2))
        #expect(String(data: data, encoding: Self.gb18030) != nil, "the bytes are valid GB18030 mojibake")
        #expect(throws: CSVError.truncatedUTF8(line: 2, byte: 12)) { try CSVTable.decode(data) }
        let message = CSVError.truncatedUTF8(line: 2, byte: 12).description
        #expect(message.contains("第2行") && message.contains("第 12 字节") && message.contains("截断"))
    }

    @Test func latin1IsRefused() throws {
        let cafe = try #require("name\ncafé\n".data(using: .isoLatin1))
        #expect(throws: CSVError.invalidEncoding(line: 2, byte: 9, bytes: "E9 0A")) { try CSVTable.decode(cafe) }
        // FC 6C pairs into a valid GBK character; no Chinese character follows: refused as not Chinese text.
        let muller = try #require("name\nMüller\n".data(using: .isoLatin1))
        #expect(throws: CSVError.notChineseText(line: 2, byte: 7, bytes: "FC 6C 6C 65")) { try CSVTable.decode(muller) }
    }

    @Test func damagedUTF8IsNotReadAsGB18030() throws {
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("a\n".utf8) + Data([0xD6, 0xD0])
        #expect(throws: CSVError.damagedUTF8(line: 2, byte: 6, bytes: "D6 D0")) { try CSVTable.decode(bom) }
        let long = Data("name\n一二三四五六七八\n".utf8) + Data([0xD6, 0xD0, 0x0A])
        #expect(throws: CSVError.damagedUTF8(line: 3, byte: 31, bytes: "D6 D0 0A")) { try CSVTable.decode(long) }
    }

    @Test func controlCharactersAreRefusedWithLineAndColumn() throws {
        #expect(throws: CSVError.controlCharacter(line: 2, column: 2, scalar: 0)) {
            try CSVTable(text: "a,b\n1,x\u{0}y\n")
        }
        #expect(throws: CSVError.controlCharacter(line: 3, column: 1, scalar: 0x1B)) {
            try CSVTable(text: "a,b\n\"多\n行\u{1B}\",2\n")
        }
        #expect(throws: CSVError.controlCharacter(line: 2, column: 1, scalar: 0x7F)) {
            try CSVTable(text: "a\n\u{7F}\n")
        }
        #expect(try CSVTable(text: "a,b\n1,x\ty\n").records[0].fields == ["1", "x\ty"])
        #expect(CSVError.controlCharacter(line: 2, column: 2, scalar: 0).description.contains("U+0000（NUL）"))
    }

    @Test func fileAboveTheLimitIsRefusedNamingIt() throws {
        let limits = InputLimits(maxFileBytes: 10)
        #expect(throws: CSVError.self) { try CSVTable.decode(Data("name\n张三李四\n".utf8), limits: limits) }
        do {
            _ = try CSVTable.decode(Data("name\n张三李四\n".utf8), limits: limits)
        } catch {
            #expect("\(error)".contains("文件大小上限") && "\(error)".contains("10") && "\(error)".contains("18"))
        }
        #expect(try CSVTable.decode(Data("name\n".utf8), limits: limits) == "name\n")
    }

    /// Every cut of a UTF-8 file decodes to exactly the text before the cut or is refused as cut short — never
    /// to anything else (before, odd cuts decoded as GB18030 mojibake).
    @Test func everyCutOfAUTF8FileIsItsPrefixOrRefused() throws {
        let bytes = Array("名称,金额\n张三,1\n李四😀,2\n".utf8)
        for cut in 0...bytes.count {
            let prefix = Data(bytes[..<cut])
            do {
                #expect(try CSVTable.decode(prefix) == String(decoding: prefix, as: UTF8.self), "cut at \(cut)")
            } catch let error as CSVError {
                guard case .truncatedUTF8 = error else {
                    Issue.record("cut at \(cut): \(error)")
                    continue
                }
            }
        }
    }

    /// Arbitrary bytes decode or are refused with a CSVError; the parser then reads or refuses the text.
    @Test func arbitraryBytesNeverTrap() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3_000 {
            var data = Data()
            for _ in 0..<Int(state % 64) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let byte = UInt8(truncatingIfNeeded: state >> 56)
                data.append(state % 3 == 0 ? byte : [0x2C, 0x0A, 0x22, 0xE5, 0xD6, 0x41][Int(byte % 6)])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            do {
                _ = try CSVTable(text: CSVTable.decode(data))
            } catch {
                #expect(error is CSVError, "\(Array(data)): \(error)")
            }
        }
    }

    /// Rows with too few fields are reported like rows with too many (the parser keeps the count).
    @Test func fieldCountsAreKept() throws {
        let t = try CSVTable(text: "a,b,c\n1,2\n1,2,3,4\n")
        #expect(t.records.map(\.fields.count) == [2, 4])
    }
}

import Testing

@testable import GongkaiCore

/// Issue 10: the largest number a cell may hold, and the limits read from configuration.
@Suite("Cell numbers and input limits")
struct CellLimitsTests {
    @Test(
        "ExactNumber.read: numbers, non-numbers and unreadable numbers",
        arguments: [
            ("0", "0"), ("21", "21"), ("-1", "-1"), ("+26", "26"), ("929.9082", "929.9082"), (".5", "0.5"),
            ("999999999999999", "999999999999999"), ("-999999999999999", "-999999999999999"),
            ("0000000000000000000000042", "42"), ("99999999999.9999", "99999999999.9999"), ("1.000000", "1.000000"),
        ])
    func readsNumbers(text: String, expected: String) throws {
        #expect(try ExactNumber.read(text, limits: .standard)?.description == expected)
        #expect(ExactNumber(parsing: text)?.description == expected)
    }

    @Test(
        "ExactNumber.read: text that is no number is nil",
        arguments: ["", "-", ".", "1.", "1.2.3", "12a", "e3", "一", "1e", "1e+"])
    func notNumbers(text: String) throws {
        #expect(try ExactNumber.read(text, limits: .standard) == nil)
        #expect(ExactNumber(parsing: text) == nil)
    }

    @Test(
        "ExactNumber.read: a number a cell cannot hold throws what is wrong",
        arguments: [
            ("1000000000000000", CellNumberProblem.overLimit("1000000000000000", limit: 999_999_999_999_999)),
            ("99999999999999999999999", .overLimit("99999999999999999999999", limit: 999_999_999_999_999)),
            ("-9223372036854775808", .overLimit("-9223372036854775808", limit: 999_999_999_999_999)),
            ("9999999999.999999", .overLimit("9999999999.999999", limit: 999_999_999_999_999)),
            ("1.1234567", .tooManyDecimals("1.1234567", limit: 6)),
            ("1e3", .scientificNotation("1e3")), ("-2.5E+10", .scientificNotation("-2.5E+10")),
        ])
    func unreadable(text: String, problem: CellNumberProblem) {
        #expect(throws: problem) { try ExactNumber.read(text, limits: .standard) }
        #expect(ExactNumber(parsing: text) == nil)
    }

    @Test("the messages say what is wrong")
    func messages() {
        #expect(CellNumberProblem.overLimit("123", limit: 99).description == "数值超过上限：「123」超过单元格数值上限 99")
        #expect(CellNumberProblem.scientificNotation("1e3").description.hasPrefix("不是整数写法"))
        #expect(CellNumberProblem.tooManyDecimals("0.1234567", limit: 6).description.hasPrefix("小数位数超过上限"))
    }

    @Test("the limit is the one given")
    func givenLimit() throws {
        let limits = InputLimits(maxCellValue: 100, maxCellScale: 1)
        #expect(try ExactNumber.read("100", limits: limits) == ExactNumber(100))
        #expect(throws: CellNumberProblem.overLimit("101", limit: 100)) { try ExactNumber.read("101", limits: limits) }
        #expect(throws: CellNumberProblem.tooManyDecimals("1.25", limit: 1)) {
            try ExactNumber.read("1.25", limits: limits)
        }
    }

    @Test("overrides: each GONGKAI_LIMIT_* key sets its limit; others keep their defaults")
    func overrides() throws {
        for name in InputLimits.Name.allCases {
            let limits = try InputLimits(overrides: [name.environmentKey: "7", "PATH": "/bin"])
            for other in InputLimits.Name.allCases {
                #expect(limits[other] == (other == name ? 7 : InputLimits.standard[other]))
            }
        }
        #expect(try InputLimits(overrides: ["GONGKAI_LIMIT_MAX_LINE_BYTES": "4_194_304"]).maxLineBytes == 4_194_304)
        #expect(try InputLimits(overrides: [:]) == .standard)
    }

    @Test(
        "overrides: a bad value is refused naming the variable",
        arguments: [
            ("GONGKAI_LIMIT_MAX_FILE_BYTES", "lots"), ("GONGKAI_LIMIT_MAX_FILE_BYTES", "0"),
            ("GONGKAI_LIMIT_MAX_NESTING_DEPTH", "-3"), ("GONGKAI_LIMIT_MAX_CELL_VALUE", "9999999999999999999"),
            ("GONGKAI_LIMIT_MAX_CELL_SCALE", "19"), ("GONGKAI_LIMIT_MAX_LINE_BYTES", ""),
        ])
    func badOverride(key: String, value: String) {
        #expect {
            _ = try InputLimits(overrides: [key: value])
        } throws: { error in
            let text = "\(error)"
            return text.contains("环境变量 \(key)") && text.contains("「\(value)」")
        }
    }
}

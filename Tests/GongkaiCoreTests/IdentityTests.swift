import Testing

@testable import GongkaiCore

@Suite("Identity numbers — GB 11643 and GB 32100 check characters")
struct IdentityTests {
    @Test("Valid 居民身份证 numbers", arguments: ["11010519491231002X", "11010519491231002x", "440301200002291237", "320102199001010010"])
    func validResidentIDs(text: String) throws {
        let id = try ResidentIDNumber(text)
        #expect(id.value == text.uppercased())
    }

    @Test("The birth date is read from the number, leap days included")
    func birthDate() throws {
        #expect(try ResidentIDNumber("440301200002291237").birthDate == CivilDate(2000, 2, 29))
    }

    @Test(
        "Invalid 居民身份证 numbers are refused with a message naming the field",
        arguments: [
            ("110105194912310021", "校验码错误：应为 X，实为 1"),
            ("11010519491231002", "应为18位，实为17位"),
            ("1101051949123100AX", "不允许的字符"),
            ("110105190102290013", "出生日期"),  // 1901-02-29 does not exist
        ])
    func invalidResidentIDs(text: String, message: String) {
        #expect {
            try ResidentIDNumber(text)
        } throws: { error in
            let m = "\(error)"
            return m.contains(message) && m.contains("身份证号码")
        }
    }

    @Test("Valid 统一社会信用代码", arguments: ["91350100M000100Y43", "91110000600037341L", "91440300MA5DC2XX7M", "12100000400011112Q"])
    func validCodes(text: String) throws {
        #expect(try UnifiedSocialCreditCode(text).value == text)
    }

    @Test(
        "Invalid 统一社会信用代码 are refused with a message naming the field",
        arguments: [
            ("91350100M000100Y44", "校验码错误：应为 3，实为 4"),
            ("91350100M000100Y4", "应为18位"),
            ("91350100M000100I43", "不允许的字符"),  // I is not in the alphabet
        ])
    func invalidCodes(text: String, message: String) {
        #expect {
            try UnifiedSocialCreditCode(text)
        } throws: { error in
            let m = "\(error)"
            return m.contains(message) && m.contains("统一社会信用代码")
        }
    }

    @Test("An applicant's identity number is validated by kind")
    func applicant() throws {
        let p = try Applicant(kind: .naturalPerson, name: "张三", identityNumber: "11010519491231002X")
        #expect(p.residentID != nil)
        let o = try Applicant(kind: .legalServiceOrganization, name: "某律师事务所", identityNumber: "91350100M000100Y43")
        #expect(o.creditCode != nil && o.kind.column == .legalServiceOrganization)
        #expect(throws: IdentityError.self) {
            try Applicant(kind: .commercialEnterprise, name: "某公司", identityNumber: "11010519491231002X")
        }
    }
}

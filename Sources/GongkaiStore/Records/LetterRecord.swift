import FluentKit
import GongkaiCore

/// Row of `letters`: one letter of one application (draft or issued), tied to the event it answers by its place
/// in the log (`event_seq`, 1-based as in `application_events.seq`). The body is stored one paragraph per line.
final class LetterRecord: Model, @unchecked Sendable {
    static let schema = "letters"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "event_seq") var eventSeq: Int
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @Field(key: "title") var title: String
    @Field(key: "addressee") var addressee: String
    @Field(key: "body") var body: String
    @Field(key: "signatory") var signatory: String
    @Field(key: "letter_date") var letterDate: String
    @OptionalField(key: "number_prefix") var numberPrefix: String?
    @OptionalField(key: "number_year") var numberYear: Int?
    @OptionalField(key: "number_seq") var numberSeq: Int?
    @OptionalField(key: "replaces_id") var replacesID: Int?
    @OptionalField(key: "correction_reason") var correctionReason: String?
    @Field(key: "drafted_by") var draftedBy: String
    @Field(key: "drafted_at") var draftedAt: String
    @OptionalField(key: "issued_by") var issuedBy: String?
    @OptionalField(key: "issued_at") var issuedAt: String?
    @Field(key: "version") var version: Int

    init() {}

    init(_ letter: Letter, agencyID: Int, applicationID: Int, eventSeq: Int, replacesID: Int?, by actor: String,
         at moment: Moment) {
        self.agencyID = agencyID
        self.applicationID = applicationID
        self.eventSeq = eventSeq
        kind = letter.kind.rawValue
        status = StoredLetter.Status.draft.rawValue
        signatory = letter.signatory
        letterDate = letter.date.iso
        self.replacesID = replacesID
        correctionReason = letter.correctionReason
        draftedBy = actor
        draftedAt = moment.description
        version = 1
        setText(of: letter)
    }

    /// Writes what a draft may change: title, addressee, body.
    func setText(of letter: Letter) {
        title = letter.title
        addressee = letter.addressee
        body = letter.paragraphs.joined(separator: "\n")
    }

    /// 文号, once issued.
    var number: LetterNumber? {
        guard let numberPrefix, let numberYear, let numberSeq else { return nil }
        return LetterNumber(prefix: numberPrefix, year: numberYear, sequence: numberSeq)
    }

    func value(reference: String, replaces: LetterNumber?) throws -> StoredLetter {
        guard let kind = LetterKind(rawValue: kind), let status = StoredLetter.Status(rawValue: status),
            let date = CivilDate(storeText: letterDate)
        else {
            throw StoreError.invalidValue(field: "letters", value: "\(id ?? 0)", reason: "文书记录无法识别")
        }
        let letter = Letter(
            kind: kind, title: title, number: number, addressee: addressee,
            paragraphs: body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init),
            signatory: signatory, date: date, replaces: replaces, correctionReason: correctionReason)
        return StoredLetter(
            id: id ?? 0, reference: reference, eventIndex: eventSeq - 1, letter: letter, status: status,
            draftedBy: draftedBy, draftedAt: Moment(parsing: draftedAt), issuedBy: issuedBy,
            issuedAt: issuedAt.flatMap(Moment.init(parsing:)), replacesID: replacesID, version: version)
    }
}

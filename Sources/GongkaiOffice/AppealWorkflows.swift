import GongkaiCore
import GongkaiStore

extension Office {
    /// 行政复议、行政诉讼 about the case `reference`, oldest first (section IV of the report counts them).
    public func appeals(of reference: String, scope: AgencyScope) async throws -> [AppealCase] {
        try await DisclosureRepository(database: database, scope: scope).appeals(ofApplication: reference)
    }

    /// 登记复议或诉讼 (Art. 51): an appeal about the case `reference` — its 案号 `appealReference` (unique in the
    /// agency), kind, the body or court, and the day filed (not before the application was received). Recorded by
    /// those who handle cases (管理员, 承办人, 负责人).
    public func fileAppeal(
        _ appealReference: String, kind: AppealKind, body: String, filedOn: CivilDate, about reference: String,
        scope: AgencyScope
    ) async throws -> AppealCase {
        guard CasePermissions.mayHandle(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "登记复议或诉讼")
        }
        let c = try await caseFile(reference, scope: scope, on: filedOn).value
        let id = appealReference.trimmingCharacters(in: .whitespaces)
        var problems: [IntakeError] = []
        if id.isEmpty { problems.append(IntakeError(field: "案号", reason: "不能为空", key: "appealReference")) }
        if body.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(IntakeError(field: "复议机关或法院", reason: "不能为空", key: "body"))
        }
        if filedOn < c.receivedOn {
            problems.append(IntakeError(field: "立案日期", reason: "\(filedOn) 早于收到申请之日 \(c.receivedOn)", key: "filedOn"))
        }
        let repository = DisclosureRepository(database: database, scope: scope)
        if !id.isEmpty, try await repository.appeal(id) != nil {
            problems.append(IntakeError(field: "案号", reason: "本机关已有案号为「\(id)」的复议或诉讼案件", key: "appealReference"))
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw IntakeProblems(problems: problems) }
        let appeal = try AppealCase(
            id: id, applicationID: c.id, kind: kind, filedOn: filedOn, body: body.trimmingCharacters(in: .whitespaces))
        try await repository.add(appeal)
        return appeal
    }

    /// 审结: the result of the appeal `appealReference`, once, not before it was filed.
    public func decideAppeal(_ appealReference: String, result: AppealOutcome, on day: CivilDate, scope: AgencyScope)
        async throws -> AppealCase
    {
        guard CasePermissions.mayHandle(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "记录复议或诉讼结果")
        }
        let repository = DisclosureRepository(database: database, scope: scope)
        guard var appeal = try await repository.appeal(appealReference) else {
            throw StoreError.notFound("复议或诉讼案件 \(appealReference)")
        }
        do { try appeal.decide(result, on: day) } catch let e as AppealError {
            throw IntakeError(field: "审结日期", reason: e.description, key: "decidedOn")
        }
        try await repository.saveDecision(appeal)
        return appeal
    }
}

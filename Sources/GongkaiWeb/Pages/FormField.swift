/// A field of a page's form as `field.leaf` and `choices.leaf` draw it: label, hint, the value typed, the error
/// beside it. `key` names the field in errors (`applicant.phone`), `name` in the posted form (`applicant[phone]`).
struct FormField: Encodable {
    var key: String
    var id: String
    var name: String
    var label: String
    var hint: String?
    var type: String
    var autocomplete: String?
    var inputmode: String?
    var maxlength: Int
    var required: Bool
    var value: String
    var error: String?
    var options: [Option]
    /// `aria-describedby`: the hint and the error, when there are any.
    var describedBy: String?

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
        var id: String
    }

    /// What was typed, by the field's key, from a posted form's optional fields (those not sent are left out): the
    /// values a form comes back with.
    static func typed(_ pairs: [(String, String?)]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pairs.compactMap { k, v in v.map { (k, $0) } })
    }

    /// A field whose key, id and form name are all `name` (the staff's forms), with `errors` by name.
    static func plain(
        _ name: String, _ label: String, hint: String? = nil, type: String = "text", autocomplete: String? = nil,
        maxlength: Int = 100, required: Bool = true, value: String = "", errors: [String: String] = [:],
        options: [(String, String)] = []
    ) -> FormField {
        let described = [hint.map { _ in "\(name)-hint" }, errors[name].map { _ in "\(name)-error" }].compactMap { $0 }
        return FormField(
            key: name, id: name, name: name, label: label, hint: hint, type: type, autocomplete: autocomplete,
            inputmode: nil, maxlength: maxlength, required: required, value: type == "password" ? "" : value,
            error: errors[name],
            options: options.map { Option(value: $0.0, label: $0.1, selected: $0.0 == value, id: "\(name)-\($0.0)") },
            describedBy: described.isEmpty ? nil : described.joined(separator: " "))
    }
}

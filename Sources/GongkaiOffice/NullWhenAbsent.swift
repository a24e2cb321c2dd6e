/// An optional field that a JSON answer always names: `null` when there is no value, where the synthesized
/// `Encodable` would leave the key out (the API's contract lists `receivedOn`, `dueOn` … as present and nullable).
///
/// ```swift
/// struct Answer: Encodable { @NullWhenAbsent var dueOn: CivilDate? }
/// // {"dueOn": null}
/// ```
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

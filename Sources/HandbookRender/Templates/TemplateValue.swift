/// What a template sees of a view: text, a flag, a list, or an object whose
/// fields it looks up by name. Views answer with these typed values, so that
/// rendering a page needs no dynamic casts and no reflection.
package enum TemplateValue: Sendable {
    case none
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object(any TemplateObject)

    /// False for what a `{{#section}}` skips (and `{{^section}}` renders):
    /// nothing, `false`, an empty list or empty text.
    var isTruthy: Bool {
        switch self {
        case .none: false
        case .text(let s): !s.isEmpty
        case .flag(let b): b
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    init(_ text: String?) { self = text.map(TemplateValue.text) ?? .none }
    init(_ flag: Bool) { self = .flag(flag) }
    init(_ number: Int) { self = .text(String(number)) }
    init(_ object: (any TemplateObject)?) { self = object.map(TemplateValue.object) ?? .none }
    /// A list of views: one pass, each view boxed once (not cast to an
    /// array of existentials first).
    init<Object: TemplateObject>(_ objects: [Object]) { self = .list(objects.map { .object($0) }) }
    init(_ texts: [String]) { self = .list(texts.map(TemplateValue.text)) }
}

/// A view model: answers a template's `{{name}}` with a value.
package protocol TemplateObject: Sendable {
    func value(_ name: String) -> TemplateValue
}

extension TemplateObject {
    /// What a template sees for a name: the view's answer; for `hasRoles`
    /// that the view does not answer itself, whether `roles` is there and not
    /// empty (the flag a template wraps a list's `<ul>` in): one rule for
    /// every list of every view. The list's name is worked out once, when
    /// the template is parsed (`TemplateParser.Name.Part`).
    func field(_ part: TemplateParser.Name.Part) -> TemplateValue {
        let found = value(part.name)
        guard case .none = found, let listed = part.listed else { return found }
        switch value(listed) {
        case .none: return .none
        case let list: return .flag(list.isTruthy)
        }
    }
}

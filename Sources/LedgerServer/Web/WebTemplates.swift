import Mustache

/// The web view's Mustache templates, kept in the binary (one Swift file each under `Templates/`) so that a static
/// build needs no resource bundle. Every value is inserted with `{{name}}`, which escapes `& < > " '`; the
/// templates never use the unescaped forms (a test checks).
enum WebTemplates {
    /// The templates by name; a page names its template and inherits `layout`.
    static let sources: [String: String] = [
        "layout": layout, "login": login, "message": message, "home": home, "record": record, "group": group,
        "person": person, "export": export, "findings": findings, "finding": finding, "directives": directives,
        "search": search, "pagerLinks": pagerLinks, "signatureRows": signatureRows,
    ]

    /// The parsed templates. A template that does not parse is a programming error, caught by the tests that
    /// render every page.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                fatalError("the web template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// Renders the template `name` over `values`.
    static func render(_ name: String, _ values: [String: Any]) -> String {
        guard let text = library.render(values, withTemplate: name) else {
            fatalError("no web template is named \(name)")
        }
        return text
    }
}

/// The language of the web view's labels: Vietnamese unless the reader chose English (`?lang=en`, remembered in
/// the `gl_lang` cookie).
enum WebLanguage: String, CaseIterable {
    case vi
    case en

    /// The language a request asks for: its `lang` query parameter, else its `gl_lang` cookie, else Vietnamese.
    static func of(query: String?, cookie: String?) -> WebLanguage {
        query.flatMap(WebLanguage.init(rawValue:)) ?? cookie.flatMap(WebLanguage.init(rawValue:)) ?? .vi
    }

    /// The other language, which the header's toggle offers.
    var other: WebLanguage { self == .vi ? .en : .vi }

    /// The language's own name, for the toggle.
    var ownName: String { self == .vi ? "Tiếng Việt" : "English" }
}

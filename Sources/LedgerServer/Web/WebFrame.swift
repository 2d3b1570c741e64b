/// What the layout of every page shows: the ledger's origin, the labels in the reader's language, the toggle to the
/// other language (the same page), and whether to offer logout.
struct WebFrame {
    let language: WebLanguage
    let origin: String
    /// The page's path and its query without `lang`, for the toggle.
    let path: String
    let query: [String: String]
    var signedIn = false
    let readOnly: Bool

    /// The template values of the frame, with `title` and the page's own `values`.
    func values(title: String, _ values: [String: Any] = [:]) -> [String: Any] {
        var kept = query.filter { $0.key != "lang" }.sorted { $0.key < $1.key }
        kept.append(("lang", language.other.rawValue))
        let toggle =
            path + "?" + kept.map { FormBody.encode($0.0) + "=" + FormBody.encode($0.1) }.joined(separator: "&")
        let frame: [String: Any] = [
            "lang": language.rawValue, "t": labels, "origin": origin, "title": title, "toggleHref": toggle,
            "otherLang": language.other.rawValue, "otherLangName": language.other.ownName, "signedIn": signedIn,
            "readOnly": readOnly,
        ]
        return frame.merging(values) { _, page in page }
    }

    /// The labels in the reader's language.
    var labels: [String: String] { WebLabels.labels(language) }

    /// A message page: `title` and `message` are label keys; `back` a link and its label key.
    func message(_ title: String, _ message: String, back: String = "/", backLabel: String = "home") -> String {
        let labels = labels
        return WebTemplates.render(
            "message",
            values(
                title: labels[title] ?? title,
                ["message": labels[message] ?? message, "back": back, "backLabel": labels[backLabel] ?? backLabel]
            )
        )
    }
}

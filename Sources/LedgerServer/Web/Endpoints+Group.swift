import GroupDomain
import Hummingbird
import LedgerCore
import LedgerInspection

extension Endpoints {
    /// How many records a page of a timeline lists.
    static let timelinePageSize = 50

    /// `/groups/{id}`: the group's state — now, or at `?at=` (a day or an RFC 3339 time) or `?at_record=SEQ` (time
    /// travel) — and its timeline, newest first (`order=oldest` for ledger order), filtered by `type`, `person`,
    /// `from` and `to`, without reactions unless `reactions=1`, `page` by page. 404 for a group the ledger never
    /// named; 400 naming the parameter that is not understood.
    func groupPage(_ segment: String, _ frame: WebFrame) -> Response {
        let labels = frame.labels
        guard let id = WebRoute.decodeSegment(segment) else {
            return WebReply.html(.notFound, frame.message("notFound", "groupMissing"))
        }
        return withInspectionView(frame) { view in
            let request: GroupPageRequest
            switch GroupPageRequest.parse(frame.query) {
            case .failure(let problem):
                let text = (labels["badParameter"] ?? "") + " " + problem.parameter + "=" + problem.value
                return WebReply.html(.badRequest, frame.message("badRequest", text, back: PageValues.groupHref(id)))
            case .success(let parsed): request = parsed
            }
            guard
                let timeline = view.timeline(
                    group: id,
                    filter: request.filter,
                    page: PageRequest(number: request.page, size: Self.timelinePageSize)
                )
            else {
                return WebReply.html(.notFound, frame.message("notFound", "groupMissing"))
            }
            do {
                let state = try view.groupState(id, at: request.cutoff, reader: webReader)
                let rows = try TimelineRows(view: view, reader: webReader, labels: labels, language: frame.language)
                    .rows(timeline.items, gaps: true, newestFirst: request.filter.newestFirst)
                var values = GroupPage.values(
                    id: id,
                    state: state,
                    view: view,
                    request: request,
                    query: frame.query,
                    labels: labels,
                    language: frame.language
                )
                values["rows"] = rows
                values["hasRows"] = !rows.isEmpty
                var kept = frame.query
                kept["lang"] = nil
                values["pager"] = PageValues.pager(timeline, path: PageValues.groupHref(id), query: kept)
                let title = (labels["group"] ?? "") + " " + ((values["name"] as? String) ?? id)
                return WebReply.html(.ok, WebTemplates.render("group", frame.values(title: title, values)))
            } catch {
                return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
            }
        }
    }
}

extension WebTemplates {
    /// The pager under a list (``PageValues/pager(_:path:query:)`` as `pager`): the page of how many, and links to
    /// the previous and next pages.
    static let pagerLinks = """
        {{#pager}}
        <nav class="pager" aria-label="{{t.pages}}">
        {{#previous}}<a rel="prev" href="{{previous}}">← {{t.previousPage}}</a>{{/previous}}
        <span class="page-number">{{t.page}} {{number}} / {{count}} ({{total}})</span>
        {{#next}}<a rel="next" href="{{next}}">{{t.nextPage}} →</a>{{/next}}
        </nav>
        {{/pager}}

        """
}

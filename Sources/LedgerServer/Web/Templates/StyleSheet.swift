extension WebTemplates {
    /// `/static/ledger.css`, the one style sheet (the Content-Security-Policy allows no inline style).
    static let styleSheet = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d5dae1; --accent: #0b5cad; --warn: #8a1c1c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); }
        .bar { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; padding: .6em 1.2em;
          background: #eef2f7; border-bottom: 1px solid var(--line); }
        .brand { font-weight: bold; color: var(--ink); text-decoration: none; }
        .origin { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
        .badge { border: 1px solid var(--muted); border-radius: 3px; padding: 0 .4em; font-size: 12px; }
        .bar nav { margin-left: auto; display: flex; gap: 1em; align-items: center; }
        .bar nav.pages { margin-left: 1.5em; flex-wrap: wrap; }
        .logout { margin: 0; }
        main { max-width: 70em; padding: 1em 1.2em 3em; }
        h1 { font-size: 1.5em; margin: .4em 0; }
        h2 { font-size: 1.15em; margin: 1.2em 0 .4em; }
        a { color: var(--accent); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: .3em .6em; border-bottom: 1px solid var(--line); }
        th[scope=row] { width: 14em; color: var(--muted); font-weight: normal; }
        dl { display: grid; grid-template-columns: 12em 1fr; gap: .2em 1em; margin: 0; }
        dt { color: var(--muted); }
        dd { margin: 0; }
        .hash, pre, .json { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; overflow-wrap: anywhere; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        pre { background: #f6f8fa; border: 1px solid var(--line); padding: .6em; white-space: pre-wrap; }
        .panel { border: 1px solid var(--line); border-radius: 4px; padding: .2em 1em 1em; margin: 1em 0; }
        .withheld { border-left: 4px solid var(--warn); padding: .2em 1em; background: #fbf1f1; }
        .problem { color: var(--warn); }
        .note { color: var(--muted); }
        .pager { display: flex; gap: 2em; }
        .login { display: grid; gap: .5em; max-width: 32em; }
        input[type=password] { font: inherit; padding: .4em; }
        button, .button { font: inherit; padding: .3em .9em; border: 1px solid var(--accent); border-radius: 3px;
          background: #fff; color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; }
        .export { display: grid; gap: .5em; max-width: 40em; }
        .export label { display: grid; gap: .2em; }
        .export input, .export select { font: inherit; padding: .3em; }
        .filters { display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: end; margin: .6em 0; }
        .filters input[type=text], .filters select { font: inherit; padding: .2em .4em; }
        .rule { margin-right: .5em; white-space: nowrap; }
        .party { white-space: nowrap; margin-right: .6em; }
        .post { margin-top: .3em; }
        .timeline .withheld { margin-top: .3em; }
        tr.gap td { background: #fef3c7; color: #92400e; text-align: center; font-style: italic; }
        ul { margin: 0; padding-left: 1.2em; }
        .self { font-weight: bold; }
        .filters { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: end; margin: .6em 0 1em; }
        .filters label { display: grid; gap: .2em; color: var(--muted); font-size: 13px; }
        .filters input, .filters select { font: inherit; padding: .25em; color: var(--ink); }
        mark { background: #ffe28a; color: inherit; padding: 0 .1em; border-radius: 2px; outline: 1px solid #d9a400; }
        .matched { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: .5em;
          border: 1px solid var(--line); }
        .field-name { color: var(--muted); font-size: 13px; margin-bottom: 0; }
        .rule-words blockquote { margin: .2em 0 .8em; padding-left: .8em; border-left: 3px solid var(--accent); }
        .rule-words h3 { font-size: 1em; margin: .8em 0 .2em; }
        .flag { font-size: 12px; border: 1px solid var(--muted); border-radius: 3px; padding: 0 .4em; }
        .flag.overdue { color: var(--warn); border-color: var(--warn); }
        .count { color: var(--muted); }
        #roles tr.ended td { color: var(--muted); }
        .anchored { font-weight: bold; }

        """
}

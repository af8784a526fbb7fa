import SVWScript

/// `last` (the previous result again, in full) and `pager` (when long output is paged).
enum LastAndPager {
    static let specs: [CommandSpec] = [last, pager]

    static let last = CommandSpec(
        name: "last", group: .output,
        abstract: "Show the previous result again in full: every row, and every column through the pager",
        discussion: """
            The way to see the rest of a result cut at "… N more rows" or "… N more
            columns", for SQL as for commands. At a terminal it goes through the pager
            (see pager), which scrolls wide rows sideways; --format MODE shows it in
            another mode, and once FILE before it sends it to a file. An SQL query whose
            rows were only counted is run again.
            """,
        examples: ["SELECT * FROM contracts;", "last", "last --format csv"],
        recorded: false,
        handler: { context in
            guard context.session.hasLastShown else {
                context.session.note(context.prefixed("nothing has been shown yet"))
                return
            }
            try context.session.showLast()
        })

    static let pager = CommandSpec(
        name: "pager", group: .output,
        abstract: "Show or set when long output goes through a pager ($PAGER, else less -SRXF)",
        arguments: [ArgumentSpec("on|off|auto", "auto pages only output that does not fit the terminal (the default); on pages every result; off never",
                                 optional: true, completion: .choices(Pager.Setting.allCases.map(\.rawValue)))],
        discussion: """
            Only at a terminal: piped or redirected output is never paged. The pager is
            $PAGER when it is set, else less -SRXF (no pager when the text fits, wide rows
            scroll sideways, colour kept).
            """,
        examples: ["pager off", "pager auto"],
        recorded: false,
        handler: { context in
            let session = context.session
            guard let pager = session.pager else {
                session.note(context.prefixed("off (output is not a terminal)"))
                return
            }
            guard let word = context.invocation.argument(0) else {
                session.note(context.prefixed("\(pager.setting.rawValue) (\(pager.command))"))
                return
            }
            guard let setting = Pager.Setting(rawValue: word.lowercased()) else {
                throw CommandError.usage(context.prefixed("expected on, off or auto, not \"\(word)\""))
            }
            pager.setting = setting
        })
}

extension Session {
    /// Whether `last` has anything to show.
    var hasLastShown: Bool { !lastShown.isEmpty }
}

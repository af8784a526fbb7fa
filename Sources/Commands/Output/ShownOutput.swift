import SVWDatabase
import SVWRendering

/// What the last unit that showed something showed, kept so `last` can show it again in
/// full: its text, its tables (every row the command had), and for an SQL query whose
/// rows were only counted, the query, run again.
enum ShownPiece {
    case text(String)
    case table(ResultSet, footer: String?)
    case sections([ResultSection])
    /// A read-only query whose rows were not all kept.
    case query(String)
}

extension Session {
    /// Forgets what the unit now starting will replace.
    func beginShownOutput() {
        shownNow = []
    }

    /// Keeps what this unit showed, if anything, for `last`.
    func endShownOutput() {
        if !replayingLast && !shownNow.isEmpty { lastShown = shownNow }
        shownNow = []
    }

    func keepShown(_ piece: ShownPiece) {
        if !replayingLast { shownNow.append(piece) }
    }

    /// Shows the last result again: every row, and every column when a pager will scroll them.
    func showLast() throws {
        replayingLast = true
        showAllRows = true
        let width = renderOptions.width
        if let pager, pager.setting != .off { renderOptions.width = nil }
        defer {
            replayingLast = false
            renderOptions.width = width
        }
        for piece in lastShown {
            switch piece {
            case .text(let text): write(text)
            case .table(let result, let footer): emit(result, footer: footer)
            case .sections(let sections): emit(sections: sections)
            case .query(let sql):
                let statement = try db.prepare(sql)
                try parameters.bind(to: statement)
                emit(try statement.all())
            }
        }
    }
}

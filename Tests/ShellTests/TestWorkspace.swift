import Foundation
import SVWCommands
import SVWDatabase
import SVWWorkspace

/// An in-memory workspace with a few suppliers, contracts and measures, and a
/// session over it whose output is captured.
enum TestWorkspace {
    static func session() throws -> (Session, Console.Capture) {
        let workspace = try Workspace()
        try workspace.db.execute("""
            INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES
              ('S1', 'Acme Ltd', 'acme', 'ok'), ('S2', 'O''Brien & Sons', 'obrien', 'missing');
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence, category) VALUES
              ('C1', 'Stockport', 'Roads', 'S1', '2020-05-01', 100, 'Highways'),
              ('C2', 'Stockport', 'Parks', 'S2', '2021-05-01', 200, 'Grounds'),
              ('C3', 'Trafford', 'Care', 'S1', '2020-06-01', 300, 'Social care'),
              ('C4', 'Tameside', 'IT', 'S2', '2019-07-01', 400, 'Highways'),
              ('C5', 'Greater Manchester', 'Bins', 'S1', '2020-08-01', 500, NULL);
            INSERT INTO measures(code, edition, theme, description, unit, proxy_pence) VALUES
              ('NT1', '2023', 'Jobs', 'Local staff', 'FTE', 100), ('NT10', '2023', 'Jobs', 'x', 'weeks', 1),
              ('NT2', '2023', 'Jobs', 'y', 'FTE', 1), ('RE1', '2023', 'Growth', 'z', 'FTE', 1);
            UPDATE settings SET value = '2023' WHERE key = 'measures_edition';
            """)
        let (console, capture) = Console.capturing()
        return (Session(workspace: workspace, console: console, mode: .csv), capture)
    }
}

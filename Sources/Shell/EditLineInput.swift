import CLineEdit
import Foundation
import SVWRendering

/// libedit: line editing with emacs (default) or vi keys, the user's ~/.editrc,
/// persistent history and Tab completion.
public final class EditLineInput: LineInput {
    private let editor: OpaquePointer
    private let history: LineHistory
    private let completer: (String) -> Completion
    /// Where Ctrl-Cs are counted (nil: none reach this editor, as in tests without a terminal).
    private let interrupts: InterruptWatcher?
    /// The count of Ctrl-Cs already dealt with when the line now being read began.
    private var lineBaseline = 0
    /// libedit's client data: this object, and how its read function asks about Ctrl-C.
    private let client: UnsafeMutablePointer<svw_el_client>
    /// The prompt libedit asks for through a C callback; owned here, freed on change.
    private var promptText: UnsafeMutablePointer<CChar>?
    private var historySaveFailed = false
    /// Ctrl-X Ctrl-E: the line so far in, the edited statement out (nil: nothing to run).
    public var externalEditor: ((String) -> String?)?
    /// What Ctrl-X Ctrl-E brought back, returned in place of the line it ended.
    private var editedText: String?

    /// - Parameters:
    ///   - completer: the text before the cursor in, what Tab should do out.
    ///   - interrupts: counts Ctrl-C; a Ctrl-C at the prompt, or one since the last command
    ///     ended, clears the line.
    public init(mode: EditorMode, history: LineHistory, interrupts: InterruptWatcher? = nil,
                completer: @escaping (String) -> Completion) {
        svw_use_utf8_locale()
        // "svw" names this program in ~/.editrc, so `svw:bind ...` lines apply only here.
        editor = svw_el_init("svw")
        self.history = history
        self.completer = completer
        self.interrupts = interrupts
        client = UnsafeMutablePointer<svw_el_client>.allocate(capacity: 1)
        client.initialize(to: svw_el_client(owner: nil, interrupted: nil, columns: 0, rows: 0))
        client.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        client.pointee.interrupted = { owner in
            guard let owner else { return 0 }
            return Unmanaged<EditLineInput>.fromOpaque(owner).takeUnretainedValue().isInterrupted ? 1 : 0
        }
        _ = svw_el_set_client(editor, client)
        _ = svw_el_use_interruptible_reader(editor)
        _ = svw_el_set_prompt(editor) { el in
            guard let el, let data = svw_el_get_owner(el) else { return nil }
            return Unmanaged<EditLineInput>.fromOpaque(data).takeUnretainedValue().promptText
        }
        _ = svw_el_set_editor(editor, mode.rawValue)
        // libedit restores the terminal on Ctrl-C/Ctrl-Z/resize and passes the signal on.
        _ = svw_el_set_signal(editor, 1)
        _ = svw_el_set_history(editor, history.handle)
        _ = svw_el_add_function(editor, "svw-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let data = svw_el_get_owner(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineInput>.fromOpaque(data).takeUnretainedValue().completeWord()
        }
        _ = svw_el_bind(editor, "^I", "svw-complete")
        _ = svw_el_add_function(editor, "svw-edit", "Edit the statement in $VISUAL or $EDITOR and run it") { el, _ in
            guard let el, let data = svw_el_get_owner(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineInput>.fromOpaque(data).takeUnretainedValue().editInEditor()
        }
        // As bash and zsh bind it; in vi mode too, where ^X is free.
        _ = svw_el_bind(editor, "^X^E", "svw-edit")
        if mode == .emacs {
            // As readline users expect: Ctrl-R searches history, Ctrl-arrows move by word.
            _ = svw_el_bind(editor, "^R", "em-inc-search-prev")
            _ = svw_el_bind(editor, "\\e[1;5C", "em-next-word")
            _ = svw_el_bind(editor, "\\e[1;5D", "ed-prev-word")
        }
        // Last, so the user's own ~/.editrc settings win over ours.
        _ = svw_el_source_user_file(editor)
    }

    deinit {
        el_end(editor)
        client.deallocate()
        promptText?.deallocate()
    }

    /// Whether Ctrl-C has come since the line now being read began (asked by the read function).
    private var isInterrupted: Bool {
        guard let interrupts else { return false }
        return interrupts.received != lineBaseline
    }

    public func readLine(prompt: String) -> LineEvent {
        setPrompt(prompt)
        var count: Int32 = 0
        var error: Int32 = 0
        // From when the last command ended, not from now: a Ctrl-C pressed as the prompt
        // was being drawn clears this line instead of being lost.
        lineBaseline = interrupts?.settled ?? 0
        let got = svw_el_gets(editor, &count, &error)
        // Every Ctrl-C so far belongs to this line, whatever el_gets returned.
        interrupts?.settle()
        // A Ctrl-C during the read is an interrupt whatever el_gets returns: in some states
        // (an incremental search, Ctrl-R) it gives NULL without EINTR, as it does for Ctrl-D,
        // and treating that as the end of input used to quit svw.
        if isInterrupted { return .interrupted }
        guard let raw = got else {
            return count < 0 && svw_errno_is_eintr(error) != 0 ? .interrupted : .endOfInput
        }
        if count < 0 { return .interrupted }
        if let edited = editedText {
            editedText = nil
            return .edited(edited)
        }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    /// The prompt as a C string that lives until the next one (libedit asks for it by callback).
    private func setPrompt(_ prompt: String) {
        promptText?.deallocate()
        let bytes = Array(prompt.utf8CString)
        let text = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        text.initialize(from: bytes, count: bytes.count)
        promptText = text
    }

    public func remember(_ line: String) {
        history.add(line)
        if !history.save() && !historySaveFailed {
            historySaveFailed = true
            FileHandle.standardError.write(Data("note: cannot save history to \(history.file?.path ?? "")\n".utf8))
        }
    }

    public var rememberedLines: [String] { history.entries }

    // MARK: Ctrl-X Ctrl-E

    /// Hands the line to the editor; its text comes back from `readLine` as `.edited`.
    private func editInEditor() -> UInt8 {
        guard let externalEditor else { return UInt8(CC_REFRESH_BEEP) }
        let length = Int(svw_el_line_length(editor))
        let line = svw_el_line_buffer(editor).map { buffer in
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
        } ?? ""
        guard let edited = externalEditor(line) else { return UInt8(CC_REDISPLAY) }
        editedText = edited
        return UInt8(CC_NEWLINE)
    }

    // MARK: Tab

    private func completeWord() -> UInt8 {
        guard let buffer = svw_el_line_buffer(editor) else { return UInt8(CC_ERROR) }
        let cursor = Int(svw_el_line_cursor(editor))
        let before = buffer.withMemoryRebound(to: UInt8.self, capacity: cursor) {
            String(decoding: UnsafeBufferPointer(start: $0, count: cursor), as: UTF8.self)
        }
        let completion = completer(before)
        switch completion.action {
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        case .insert(let text):
            let removing = completion.replacing.unicodeScalars.count
            if removing > 0 { el_deletestr(editor, Int32(removing)) }
            if !text.isEmpty { _ = el_insertstr(editor, text) }
            return UInt8(CC_REFRESH)
        case .list(let items):
            let listing = CandidateListing.format(items, width: TerminalInfo.columns ?? 80)
            svw_write_stdout("\n" + listing)
            return UInt8(CC_REDISPLAY)
        }
    }
}

/// Candidates in columns, as a shell lists them, capped so a huge list cannot flood the screen.
public enum CandidateListing {
    public static let maximum = 100

    public static func format(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(maximum))
        let columnWidth = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = max(1, width / max(columnWidth, 1))
        var out = ""
        for (i, item) in shown.enumerated() {
            let last = (i + 1) % perLine == 0 || i == shown.count - 1
            out += last ? item + "\n" : item + String(repeating: " ", count: columnWidth - DisplayWidth.of(item))
        }
        if items.count > shown.count { out += "… \(items.count - shown.count) more; type more letters to narrow it\n" }
        return out
    }
}

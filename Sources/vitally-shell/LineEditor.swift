import CEditLine
import Foundation
import VitallyShell

#if canImport(Glibc)
import Glibc
#endif

/// libedit behind `LineReader`: emacs keys, TAB completion, history with Ctrl-R, Ctrl-C that
/// clears the line, a prompt that may carry colour.
final class LineEditor: LineReader {
    private let el: OpaquePointer
    private let history: OpaquePointer
    let completer: Completer
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    fileprivate var lineCancelled = false
    let keys = KeyReader()

    init?(completer: Completer, historyLines: [String]) {
        setlocale(LC_ALL, "")
        // libedit decodes the prompt and keys with the locale's character set; the C locale (no
        // LANG) cannot hold the prompt's "·" and libedit crashed on it. The terminal speaks UTF-8.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let el = shim_el_init_stdio("vitally-shell"), let history = history_init() else { return nil }
        self.el = el
        self.history = history
        self.completer = completer
        shim_history_setsize(history, Int32(HistoryPolicy.limit))
        shim_history_setunique(history, 1)
        for line in historyLines { shim_history_enter(history, line) }
        shim_el_set_editor(el, "emacs")
        shim_el_set_signal(el, 1)
        shim_el_set_hist(el, history)
        shim_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        shim_el_set_prompt_esc(el, { el in
            guard let el, let data = shim_el_get_clientdata(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }, 1)
        shim_el_addfn(el, "vs-complete", "Complete command or argument", { el, _ in
            guard let el, let data = shim_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        })
        shim_el_addfn(el, "vs-cancel-line", "Discard the current line", { el, _ in
            guard let el, let data = shim_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().lineCancelled = true
            return UInt8(CC_NEWLINE)
        })
        shim_el_set_getcfn(el, { el, out in
            guard let el, let out, let data = shim_el_get_clientdata(el) else { return -1 }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().keys.next(out)
        })
        parse(["bind", "^I", "vs-complete"])
        parse(["setty", "-d", "-isig"])
        parse(["bind", "^C", "vs-cancel-line"])
        parse(["bind", "^R", "em-inc-search-prev"])
        el_source(el, nil)
    }

    deinit {
        history_end(history)
        el_end(el)
        free(promptBuffer)
    }

    private func parse(_ words: [String]) {
        let owned = words.map { strdup($0) }
        defer { owned.forEach { free($0) } }
        var argv = owned.map { UnsafePointer($0) }
        _ = el_parse(el, Int32(argv.count), &argv)
    }

    /// Adds an accepted (already redacted) line to the in-memory history for Up and Ctrl-R.
    func remember(_ line: String) { shim_history_enter(history, line) }

    func readLine(prompt: String) -> LineInput? {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        lineCancelled = false
        var count: Int32 = 0
        let raw = el_gets(el, &count)
        // Ctrl-C on an empty line also makes el_gets return NULL (nothing was read): a cancel, not EOF.
        if lineCancelled {
            Terminal.out("^C\n")
            return .cancelled
        }
        guard let raw else {
            if count == -1 && errno == EINTR { return .cancelled }
            return nil
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    private func complete() -> UInt8 {
        guard let info = el_line(el)?.pointee, let buffer = info.buffer else { return UInt8(CC_ERROR) }
        let head = String(decoding: UnsafeRawBufferPointer(start: buffer, count: info.cursor - buffer), as: UTF8.self)
        let (word, matches) = completer.complete(head)
        if matches.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        // Candidates may differ from the typed word in case or quoting, so replace the word.
        func replaceWord(with text: String) {
            el_deletestr(el, Int32(word.utf8.count))
            el_insertstr(el, text)
        }
        if matches.count == 1 {
            replaceWord(with: matches[0] + " ")
            return UInt8(CC_REFRESH)
        }
        var common = matches[0]
        for match in matches.dropFirst() {
            while !match.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        if common.count > word.count {
            replaceWord(with: common)
            return UInt8(CC_REFRESH)
        }
        let columns = max(40, Int(shim_el_get_columns(el)))
        let width = (matches.map(\.count).max() ?? 0) + 2
        let perLine = max(1, columns / width)
        var text = "\n"
        for (index, match) in matches.prefix(60).enumerated() {
            text += match.padding(toLength: width, withPad: " ", startingAt: 0)
            if (index + 1) % perLine == 0 { text += "\n" }
        }
        if matches.count > 60 { text += "\n(and \(matches.count - 60) more)" }
        if !text.hasSuffix("\n") { text += "\n" }
        Terminal.out(text)
        return UInt8(CC_REDISPLAY)
    }
}

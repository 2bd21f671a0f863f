/// libFuzzer entry: any typed line splits into words or asks for another line, raw's path check
/// answers, and nothing of it reaches a terminal able to act.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let shown = TerminalSanitizer.visible(line, keepingColours: true)
    if TerminalSanitizer.needsWork(shown.replacingOccurrences(of: "\u{1B}[", with: "")) {
        fatalError("a control character got through: \(Array(shown.utf8))")
    }
    _ = try? ShellWords.split(line)
    _ = RawPath.isUnsafe(line)
    _ = RawPath.keepingPlus(line)
    return 0
}

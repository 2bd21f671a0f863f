import Foundation
import Testing
@testable import VitallyKit

/// A mapped recording hands its read pages back as each pass goes: the scrub with `--accounts`
/// reads the file twice, and the second pass must be released too, or the whole file stays in
/// memory beside the pseudonyms.
@Suite struct MappedFileTests {
    /// The kilobytes of `file`'s mapping in memory, from the kernel's own account (`/proc/self/smaps`).
    static func residentKB(_ file: MappedFile) throws -> Int {
        let start = UInt(bitPattern: try #require(file.bytes.baseAddress))
        // A /proc file reports no size: read to its end rather than by its length.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let low = UInt(line[..<dash], radix: 16), line.contains(" ") {
                inMapping = low == start
            } else if inMapping, line.hasPrefix("Rss:") {
                return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
            }
        }
        return -1
    }

    /// Reads every page, as a pass over the file does.
    static func touch(_ file: MappedFile) -> Int {
        stride(from: 0, to: file.bytes.count, by: 4096).reduce(0) { $0 &+ Int(file.bytes[$1]) }
    }

    @Test func aSecondPassIsReleasedFromTheFrontAgain() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.har")
        let size = 24 << 20
        try Data(repeating: 0x20, count: size).write(to: url)
        let file = try #require(MappedFile(path: url.path))
        _ = Self.touch(file)
        #expect(try Self.residentKB(file) > 20_000)
        file.release(before: size)
        #expect(try Self.residentKB(file) < 1_024, "the first pass hands its pages back")
        _ = Self.touch(file)
        #expect(try Self.residentKB(file) > 20_000)
        // The second pass has read 16 MB: those pages go back, though the first pass went further.
        file.release(before: 16 << 20)
        let resident = try Self.residentKB(file)
        #expect(resident > 0 && resident <= 8 * 1_024 + 64, "\(resident) kB still in memory")
    }
}

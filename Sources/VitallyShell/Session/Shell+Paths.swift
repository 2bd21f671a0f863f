import Foundation

extension Shell {
    /// A file path as typed: absolute, or under the shell's working directory.
    func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : environment.workingDirectory.appendingPathComponent(path)
    }
}

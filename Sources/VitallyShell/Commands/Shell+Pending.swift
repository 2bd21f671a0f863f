import VitallyKit

extension Shell {
    func match(_ command: ParsedCommand) async throws -> CommandResult { .failure("match is not available yet") }
    func brief(_ command: ParsedCommand) async throws -> CommandResult { .failure("brief is not available yet") }
    func doctor(_ command: ParsedCommand) async throws -> CommandResult { .failure("doctor is not available yet") }
}

/// Refuses anything but GET and HEAD before it can leave the process: this tool never writes.
enum ReadOnlyGuard {
    static let allowedMethods: Set<String> = ["GET", "HEAD"]

    package static func check(_ request: HTTPRequest) throws(VitallyError) {
        guard allowedMethods.contains(request.method.uppercased()) else {
            throw VitallyError(.readOnly, method: request.method, path: request.path)
        }
    }
}

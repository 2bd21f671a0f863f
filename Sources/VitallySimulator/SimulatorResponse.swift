import VitallyKit

/// What the simulator answers, before the HTTP server writes it.
package struct SimulatorResponse: Sendable, Equatable {
    package var status: Int
    package var headers: [HTTPHeader]
    package var body: [UInt8]

    package init(status: Int, headers: [HTTPHeader] = [], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ value: JSONValue, status: Int = 200) -> SimulatorResponse {
        SimulatorResponse(
            status: status, headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
            body: Array(value.serialized().utf8))
    }

    /// Vitally's error shape as far as it is known: `{statusCode, error, message}`.
    static func error(_ status: Int, _ message: String) -> SimulatorResponse {
        json(["statusCode": .number(Double(status)), "error": .string(reason(status)), "message": .string(message)],
             status: status)
    }

    /// An error answer with `{"message": …}` alone, as errors have been seen live; others unchanged.
    func messageOnly() -> SimulatorResponse {
        guard status >= 400, let json = try? JSONParser.parse(body), let message = json["message"] else { return self }
        var copy = self
        copy.body = Array(JSONValue.object(JSONObject([("message", message)])).serialized().utf8)
        return copy
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Error"
        }
    }
}

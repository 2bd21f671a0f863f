import VitallyKit

/// libFuzzer entry: any bytes either parse, and then print back to the same value, or throw.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    for pretty in [false, true] {
        let text = value.serialized(pretty: pretty)
        guard let again = try? JSONParser.parse(text), again == value, again.serialized(pretty: pretty) == text else {
            fatalError("round trip changed the document: \(text)")
        }
    }
    _ = value.int
    _ = value.double
    _ = value.string
    return 0
}

/// A mapped file's bytes, read by several threads. Unchecked: they are only read, and the file
/// stays mapped until every batch has been waited for.
struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

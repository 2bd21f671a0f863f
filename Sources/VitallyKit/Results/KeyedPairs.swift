import Foundation

/// An object whose keys are named at run time, encoded in the order given (an absent optional as null).
struct KeyedPairs: Encodable {
    let pairs: [(String, any Encodable)]

    init(_ pairs: [(String, any Encodable)]) { self.pairs = pairs }

    func encode(to encoder: any Encoder) throws { try encoder.object(pairs) }
}

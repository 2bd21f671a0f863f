import VitallyKit

extension Sourced {
    /// In words, with the organization named `organization` (its id when it has no name): the
    /// account's value alone, the organization's labelled, or both (`Customer.describe` for a
    /// value that holds the name rather than the customer).
    func describe(organization: String?, _ format: (Value) -> String) -> String? {
        describe(organization: organization ?? "?", from: "from organization \(organization ?? "?")", format)
    }
}

/// The version reported in the User-Agent and the HAR creator (its own file: the fuzz harnesses
/// compile the recording code without the HTTP client).
public enum VitallyKitVersion {
    public static let current = "0.1.0"
}

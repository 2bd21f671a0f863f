import VitallyKit

import VitallySimulator; import ArgumentParser

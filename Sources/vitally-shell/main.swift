import VitallyShell; import ArgumentParser; import CEditLine

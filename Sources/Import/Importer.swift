import SVWWorkspace
public enum Importer {}

namespace CspFunctions.Import;

public enum PlanFormat { Json, Csv, Xlsx, Docx }

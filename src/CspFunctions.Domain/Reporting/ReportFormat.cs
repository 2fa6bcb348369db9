using System.Text;

namespace CspFunctions.Reporting;

public enum ReportFormat { Html, Docx, Csv, Markdown }

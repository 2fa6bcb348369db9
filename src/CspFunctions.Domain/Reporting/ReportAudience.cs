namespace CspFunctions.Reporting;

/// <summary>The board version leaves restricted actions out; the manager's version shows them, marked.</summary>
public enum ReportAudience { Board, Manager }

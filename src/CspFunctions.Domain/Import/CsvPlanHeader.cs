using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace CspFunctions.Import;

/// <summary>Plan metadata that a CSV file (one row per action) cannot carry itself.</summary>
public sealed record CsvPlanHeader(string? Id, string? Name, int? FinancialYearStart, string? ManagerName, string? ManagerEmail, string? Introduction = null);

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The plan's contact list for a spreadsheet: one row per lead contact, then the managers and board members.
/// Every cell is escaped against formula injection as the report's CSV is, so no cell runs as a formula.</summary>
public static class ContactListCsv
{
    public static readonly string[] Columns = ["role", "lead id", "lead", "name", "email", "teams user id", "deputy lead"];

    public static string Render(Plan plan)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        // CsvHelper's own guard against formula injection, as the report CSV uses (OWASP: leading = + - @, tab, CR).
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var c in Columns) csv.WriteField(c);
            csv.NextRecord();
            void Row(string role, Lead? lead, Contact contact)
            {
                csv.WriteField(role);
                csv.WriteField(lead?.Id ?? "");
                csv.WriteField(lead?.Name ?? "");
                csv.WriteField(contact.Name);
                csv.WriteField(contact.Email);
                csv.WriteField(contact.TeamsUserId ?? "");
                csv.WriteField(lead?.DeputyLeadId is { } d ? plan.FindLead(d)?.Name ?? d : "");
                csv.NextRecord();
            }
            foreach (var lead in plan.Leads)
                foreach (var contact in lead.Contacts) Row("lead contact", lead, contact);
            foreach (var m in plan.Managers) Row("manager", null, m);
            foreach (var b in plan.BoardMembers) Row("board member", null, b);
        }
        return writer.ToString();
    }
}

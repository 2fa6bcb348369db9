using System.Globalization;
using CsvHelper;
using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The plan's contact list for a spreadsheet: one row per lead contact, then the managers and board members.
/// Every text cell goes through <see cref="CsvReport.Safe"/>, as the report's CSV does, so no cell runs as a formula.</summary>
public static class ContactListCsv
{
    public static readonly string[] Columns = ["role", "lead id", "lead", "name", "email", "teams user id", "deputy lead"];

    public static string Render(Plan plan)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var c in Columns) csv.WriteField(c);
            csv.NextRecord();
            void Row(string role, Lead? lead, Contact contact)
            {
                csv.WriteField(role);
                csv.WriteField(CsvReport.Safe(lead?.Id ?? ""));
                csv.WriteField(CsvReport.Safe(lead?.Name ?? ""));
                csv.WriteField(CsvReport.Safe(contact.Name));
                csv.WriteField(CsvReport.Safe(contact.Email));
                csv.WriteField(CsvReport.Safe(contact.TeamsUserId ?? ""));
                csv.WriteField(CsvReport.Safe(lead?.DeputyLeadId is { } d ? plan.FindLead(d)?.Name ?? d : ""));
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

namespace CspFunctions.Import;

/// <summary>Shared steps of the table importers (CSV, Word): the plan's details from the caller, priorities and leads by name.</summary>
internal static class PlanSkeleton
{
    public static PlanDocument From(CsvPlanHeader header) => new()
    {
        Id = header.Id,
        Name = header.Name,
        FinancialYearStart = header.FinancialYearStart,
        TimeZone = "Europe/London",
        Introduction = header.Introduction,
        Managers = header.ManagerEmail is null ? [] : [new ContactDocument { Name = header.ManagerName ?? "CSP Manager", Email = header.ManagerEmail }],
        Priorities = [],
        Leads = [],
        Actions = [],
        Updates = [],
    };

    public static string AddPriority(PlanDocument doc, string title)
    {
        // Most rows repeat the title of a priority already added.
        if (doc.Priorities!.Count > 0 && doc.Priorities[^1].Title == title) return doc.Priorities[^1].Id!;
        var id = PlanReader.Slug(title);
        if (!doc.Priorities!.Any(p => p.Id == id)) doc.Priorities!.Add(new PriorityDocument { Id = id, Title = title });
        return id;
    }

    public static string AddLead(PlanDocument doc, string name)
    {
        var existing = doc.Leads!.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null) return existing.Id!;
        var slug = PlanReader.Slug(name);
        var id = slug;
        for (var i = 2; doc.Leads!.Any(l => l.Id == id); i++) id = $"{slug}-{i}";
        doc.Leads!.Add(new LeadDocument { Id = id, Name = name, Contacts = [] });
        return id;
    }
}

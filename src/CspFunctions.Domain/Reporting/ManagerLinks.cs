using CspFunctions.Plans;
using CspFunctions.Templating;

namespace CspFunctions.Reporting;

/// <summary>Links between the manager's pages, and the frame every manager page shares (service navigation, breadcrumbs
/// from Plans, the plan's manager in the footer). People's routes take no function key, so none is ever copied into a link.</summary>
public sealed record ManagerLinks
{
    public string To(string path, string? query = null) =>
        "/api/" + path.TrimStart('/') + (string.IsNullOrEmpty(query) ? "" : "?" + query);

    public static string Seg(string value) => Uri.EscapeDataString(value);

    public string Plans => To("manage");
    public string Upload => To("manage/upload");
    public string Plan(string planId, string? query = null) => To($"manage/plans/{Seg(planId)}", query);
    public string Round(string planId, string roundId, string? query = null) => To($"manage/plans/{Seg(planId)}/rounds/{Seg(roundId)}", query);

    public PageLayout Layout(string title, Plan? plan = null, bool hasErrors = false, params Crumb[] crumbs) => new(title)
    {
        ServiceHref = Plans,
        Navigation = [new Crumb("Plans", Plans), new Crumb("Upload a plan", Upload)],
        Crumbs = title == "Plans" ? [] : [new Crumb("Plans", Plans), .. crumbs],
        Contact = plan?.Managers.FirstOrDefault() is { } m ? new PageContact(m.Name, m.Email) : null,
        PlanName = plan?.Name,
        HasErrors = hasErrors,
    };
}

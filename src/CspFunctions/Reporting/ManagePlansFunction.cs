using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Reporting;

/// <summary>The manager's start page: every plan, the upload form link, and work that failed every retry.</summary>
public sealed class ManagePlansFunction(IPlanStore plans, IFailedWorkList failedWork)
{
    [Function("ManagePlans")]
    [Access(RouteAccess.AnyPlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage")] HttpRequest request, CancellationToken ct)
    {
        var user = AccessGate.UserOf(request.HttpContext);
        var stored = new List<StoredPlan>();
        foreach (var id in await plans.ListPlanIdsAsync(ct))
            if (await plans.GetAsync(id, ct) is { } plan && user is not null && AccessRules.IsManager(user, plan.Plan)) stored.Add(plan);
        var links = new ManagerLinks();
        return new PageResult(ManagePlansPage.Template, ManagePlansPage.For(stored, await failedWork.ListAsync(ct), links), links.Layout("Plans"));
    }
}

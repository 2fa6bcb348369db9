using CspFunctions.Storage;
using CspFunctions.Workbench;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CspFunctions.Setup;

public static class WorkbenchRegistration
{
    /// <summary>The manager's workbench: replies waiting, editing the plan in place, recording updates, steering rounds, history.</summary>
    public static IServiceCollection AddWorkbench(this IServiceCollection services)
    {
        services.AddSingleton<IPlanAudit, TablePlanAudit>();
        services.AddSingleton<IWaitingReplies, TableWaitingReplies>();
        services.AddSingleton<IBounceRecords>(sp => sp.GetRequiredService<TableContactHealth>());
        services.AddSingleton<PlanEditor>();
        services.AddSingleton<RepliesDesk>();
        services.AddSingleton<UpdateRecorder>();
        services.AddSingleton<RoundSteering>();
        services.AddSingleton<PlanHistory>();
        services.AddSingleton<RoundOverview>();
        // The plan page's count of waiting replies comes from the replies-waiting list itself (AddReporting's TryAdd keeps this).
        services.Replace(ServiceDescriptor.Singleton<CspFunctions.Reporting.IHeldReplies, DeskHeldReplies>());
        return services;
    }
}

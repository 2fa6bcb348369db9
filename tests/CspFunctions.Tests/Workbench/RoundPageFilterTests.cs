using System.Net;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;

namespace CspFunctions.Tests.Workbench;

/// <summary>The round page's GET filters through the local host, signed in as the plan's manager.</summary>
[Collection(StorageCollection.Name)]
public sealed class RoundPageFilterTests(StorageFixture storage)
{
    [Fact]
    public async Task The_round_page_filters_by_rag_and_answered_and_reports_a_value_it_does_not_understand()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var progress = world.Get<IProgressStore>();
        await progress.AddAsync(new ProgressUpdate(ResponsesWorld.PlanId, ResponsesWorld.RoundId, 9, 1, ProgressStatus.OffTrack, Rag.Red, "Behind.", "Pat", ResponsesWorld.PoliceEmail, DateTimeOffset.UtcNow, UpdateChannel.Form), 0);
        await progress.AddAsync(new ProgressUpdate(ResponsesWorld.PlanId, ResponsesWorld.RoundId, 19, 1, ProgressStatus.OnTrack, Rag.Green, "Fine.", "Pat", ResponsesWorld.PoliceEmail, DateTimeOffset.UtcNow, UpdateChannel.Form), 0);
        var actions = (await world.Get<IPlanStore>().GetAsync(ResponsesWorld.PlanId))!.Plan.Actions.Count;
        var manager = await world.Host.ManagerAsync();
        var path = $"/api/manage/plans/{ResponsesWorld.PlanId}/rounds/{ResponsesWorld.RoundId}";

        var red = await manager.GetStringAsync(path + "?rag=Red");
        Assert.Contains($"1 of {actions} actions", red);
        Assert.Contains(": history of action 9<", red);
        Assert.DoesNotContain(": history of action 19<", red);

        var unanswered = await manager.GetStringAsync(path + "?answered=no&lead=" + ResponsesWorld.Police);
        Assert.DoesNotContain(": history of action 9<", unanswered);
        Assert.DoesNotContain(": history of action 19<", unanswered);
        Assert.Contains("<option value=\"no\" selected>", unanswered);

        var bad = await manager.GetAsync(path + "?rag=purple");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("&#39;purple&#39; is not red, amber or green", html);
        Assert.Contains("<title>Error: ", html);
        Assert.Contains($"{actions} of {actions} actions", html);
    }
}

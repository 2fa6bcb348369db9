using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CspFunctions.Observability;

/// <summary>
/// The app's own counters and traces, exported to Application Insights when it is configured (Setup/TelemetryRegistration.cs).
/// Counters carry only low-cardinality tags (stage, channel, outcome, queue): never a person, a plan or any text.
/// </summary>
public sealed class CspTelemetry
{
    public const string Name = "CspFunctions";

    /// <summary>One source for the whole app; spans are tagged with the ids of <see cref="LogIds"/>.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _remindersSent;
    private readonly Counter<long> _repliesReceived;
    private readonly Counter<long> _parseFailures;
    private readonly Counter<long> _poisonMessages;
    private readonly Counter<long> _inboundMailDeleted;

    public CspTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _remindersSent = Meter.CreateCounter<long>("reminders_sent", "{reminder}", "Reminders handed to a provider, by chase stage id (opening, reminder, due, overdue-1, escalation...) and channel (email, teams).");
        _repliesReceived = Meter.CreateCounter<long>("replies_received", "{reply}", "Inbound e-mails received, by the state they ended in (Applied, Unassigned, HeldForReview, AutoReply, Duplicate, Rejected...).");
        _parseFailures = Meter.CreateCounter<long>("parse_failures", "{message}", "Inbound messages that could not be read into a progress update.");
        _poisonMessages = Meter.CreateCounter<long>("poison_messages", "{message}", "Queue messages on their last failed attempt (the host then parks them), by poison queue name.");
        _inboundMailDeleted = Meter.CreateCounter<long>("inbound_mail_deleted", "{message}", "Raw inbound e-mails deleted by the retention timer.");
    }

    /// <summary>The meter (from the DI container's <see cref="IMeterFactory"/>, so each container, and each test, has its own).</summary>
    public Meter Meter { get; }

    public void ReminderSent(string stage, string channel) =>
        _remindersSent.Add(1, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("channel", channel));

    public void ReplyReceived(string outcome) => _repliesReceived.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ParseFailed() => _parseFailures.Add(1);

    public void PoisonMessage(string queue) => _poisonMessages.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void InboundMailDeleted(int count)
    {
        if (count > 0) _inboundMailDeleted.Add(count);
    }

    /// <summary>Starts a span (null when nobody listens) tagged with the given ids.</summary>
    public static Activity? StartActivity(string name, LogIds ids, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = Source.StartActivity(name, kind);
        if (activity is null) return null;
        foreach (var (key, value) in ids.Properties) activity.SetTag(LogIds.TagName(key), value);
        return activity;
    }
}

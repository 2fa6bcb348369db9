using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Chasing;

public enum ReminderOutcome { Sent, AlreadyDone, HeldByAnother, NotNeeded, Refused }

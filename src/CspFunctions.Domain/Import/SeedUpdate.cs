using System.Net.Mail;
using System.Text.RegularExpressions;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Import;

public sealed record SeedUpdate(string RoundId, int ActionNumber, ProgressStatus Status, Rag Rag, string Text, string GivenBy, UpdateChannel Channel);

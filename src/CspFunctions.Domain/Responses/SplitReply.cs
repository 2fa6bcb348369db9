using System.Text.RegularExpressions;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

public sealed record SplitReply(IReadOnlyList<ReplySection> Sections, string Unassigned);

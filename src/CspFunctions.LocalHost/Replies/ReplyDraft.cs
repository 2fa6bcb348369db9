namespace CspFunctions.LocalHost.Replies;

/// <summary>What a lead types in a reply: the text above the quoted reminder, and the signature block under it.</summary>
public sealed record ReplyDraft(string Body, string? Signature = null, string? FromName = null, string? FromEmail = null);

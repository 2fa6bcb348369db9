namespace CspFunctions.Messaging;

public sealed record MailAddressee(string Name, string Email);

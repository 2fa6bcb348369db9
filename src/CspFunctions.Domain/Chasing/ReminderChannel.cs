namespace CspFunctions.Chasing;

public static class ReminderChannel
{
    public const string Email = "email";
    public const string Teams = "teams";
}

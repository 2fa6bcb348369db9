namespace CspFunctions.Reporting;

public enum NoticeState { NotConfigured, Pending, Sent, Failed }

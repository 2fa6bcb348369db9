namespace CspFunctions.Reporting;

/// <summary>Where a publication's notices go: the board's channel (Workflows webhook) and the members' Teams activity feeds.</summary>
public enum NoticeChannel { Board, Members }

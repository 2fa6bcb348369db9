namespace CspFunctions.Reporting;

public enum TextBlockKind { Paragraph, BulletList }

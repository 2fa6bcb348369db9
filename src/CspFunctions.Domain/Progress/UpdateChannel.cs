namespace CspFunctions.Progress;

public enum UpdateChannel { Import, Form, Email, Manager }

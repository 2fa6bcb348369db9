using System.Reflection;
using System.Text.Json;

namespace CspFunctions.LocalHost;

public enum TriggerKind { Http, Timer, Queue, Other }

using Scriban.Parsing;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>Thrown inside a sealed loop (<see cref="DirectForStatement"/>) where its body reaches something that needs Scriban's
/// own loop state; caught by the outermost sealed loop, which takes back what it wrote and writes itself the ordinary way. It is
/// a <see cref="ScriptRuntimeException"/> so that Scriban's evaluation passes it through as it is rather than wrapping it.</summary>
internal sealed class SealedLoopBailout(SourceSpan span) : ScriptRuntimeException(span, "A sealed loop reached code that needs Scriban's loop state.");

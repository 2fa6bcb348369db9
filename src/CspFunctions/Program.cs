using CspFunctions.Access;
using CspFunctions.Observability;
using CspFunctions.Pages;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

StartupTrace.Mark("main");
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Page headers and the same-origin check first, so the access middleware's refusals carry the headers too.
builder.UseMiddleware<PageSecurityMiddleware>();
builder.UseMiddleware<AccessMiddleware>();
builder.Services.AddCspFunctions(builder.Configuration);
var host = builder.Build();
StartupTrace.Mark("host built");
host.Run();

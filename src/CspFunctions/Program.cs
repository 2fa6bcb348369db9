using CspFunctions.Access;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<AccessMiddleware>();
builder.Services.AddCspFunctions(builder.Configuration);
builder.Build().Run();

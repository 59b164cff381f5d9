using Strive.Domain;
using Strive.Web.Api;
using Strive.Web.Cli;
using Strive.Web.Components;
using Strive.Web.Data;
using Strive.Web.Identity;
using Strive.Web.Status;

var builder = WebApplication.CreateBuilder(args);

builder.AddStrivePersistence();
builder.Services.AddStriveDomain();
builder.AddStriveIdentity();
builder.AddStriveApi();
builder.AddStriveUi();

var app = builder.Build();

// `Strive.Web admin <command>` runs an operator command against the same database and exits.
if (AdminCommandLine.IsAdminInvocation(args))
{
    return await AdminCommandLine.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
}

await app.Services.PrepareDatabaseAsync();
await app.Services.SeedDemoDataAsync(app.Environment);

app.UseStriveApiPipeline();
app.UseStriveUiPipeline();

app.MapStatusEndpoint();
app.MapStriveApi();
app.MapStriveUi();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;

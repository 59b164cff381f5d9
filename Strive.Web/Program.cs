using Strive.Domain;
using Strive.Web.Api;
using Strive.Web.Cli;
using Strive.Web.Components;
using Strive.Web.Data;
using Strive.Web.Diagnostics;
using Strive.Web.Downloads;
using Strive.Web.Errors;
using Strive.Web.Identity;
using Strive.Web.Mcp;
using Strive.Web.OAuth;
using Strive.Web.ScaleOut;
using Strive.Web.Security;
using Strive.Web.Status;

var builder = WebApplication.CreateBuilder(args);

builder.AddAdminCommandLine(args);
builder.AddStrivePersistence();
builder.Services.AddStriveDomain();
builder.AddStriveIdentity();
builder.AddStriveErrorHandling();
builder.AddStriveSecurity();
builder.AddStriveApi();
builder.AddStriveMcp();             // /mcp: the API's tools for agents, same keys, scopes and rate limit
builder.AddStriveOAuth();           // /oauth/*: apps and agents act for a person with their consent
builder.AddStriveScaleOut();        // after the domain and the API: with Redis:Configuration, shares their state
builder.AddStriveUi();
builder.AddStriveMemoryDiagnostics();    // Development and Testing only

var app = builder.Build();

// `Strive.Web admin <command>` runs an operator command against the same database and exits.
if (AdminCommandLine.IsAdminInvocation(args))
{
    return await AdminCommandLine.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
}

await app.Services.PrepareDatabaseAsync();
await app.Services.SeedDemoDataAsync(app.Environment);

// The request pipeline, outermost first.
app.UseStriveForwardedHeaders();    // behind a TLS proxy (ForwardedHeaders:Enabled): the scheme the browser used
app.UseStriveSecurityHeaders();     // nosniff, referrer and permissions policies on every response; HSTS, Secure cookies over HTTPS
app.UseStriveExceptionHandler();    // any exception below: JSON 500 under /api, the error page elsewhere
app.UseStriveStatusCodePages();     // an empty 404 in the browser app: the not-found page; a plain page for a failed post

app.UseRouting();
app.UseAuthentication();
app.UseApiKeyRateLimit();           // needs the caller's key, and charges it even when authorization refuses
app.UseAuthorization();
app.UseApiIdempotency();            // after authorization: a key belongs to a user, and a 401 never claims one
app.UseAntiforgery();

app.MapStatusEndpoint();
app.MapStriveApi();
app.MapStriveMcp();
app.MapStriveOAuth();
app.MapStriveUi();
app.MapStriveDownloads();         // a goal's export and CSV, my data: for the signed-in browser
app.MapStriveMemoryDiagnostics();   // Development and Testing only: GET /_diagnostics/memory

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;

using Jishi.Web.Components;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Maintenance;
using Jishi.Web.Features.Meetings;
using Jishi.Web.Features.MemberEvaluation;
using Jishi.Web.Features.Cli;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Pledges;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Points.Postings;
using Jishi.Web.Features.Points.My;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Features.Shops;
using Jishi.Web.Features.Text;
using Jishi.Web.Features.Wishes;
using Jishi.Web.Features.Volunteering;
using Jishi.Web.Features.Dashboard;
using Jishi.Web.Features.Turnaround;
using Jishi.Web.Features.Grading;
using Jishi.Web.Shared;
using Jishi.Web.Features.Duties;
using Jishi.Web.Features.Publicity;
using Jishi.Web.Features.Setup;
using Jishi.Web.Features.Dues;

// Settings and assets come from the application folder; relative data paths (./data) from where it was started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPlatform();
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddReverseProxy(builder.Configuration);
builder.Services.AddJishiData(builder.Configuration);
builder.Services.AddDatabaseInitialization();
builder.Services.AddAccounts();
builder.Services.AddOrganizations();
builder.Services.AddMembers();
builder.Services.AddTiers();
builder.Services.AddAudit();
builder.Services.AddMaintenance(builder.Configuration);
builder.Services.AddReviews();
builder.Services.AddText();
builder.Services.AddPoints();
builder.Services.AddMeetings();
builder.Services.AddPledges().AddPostings();
builder.Services.AddScreens();
builder.Services.AddMyPoints();
builder.Services.AddShops(builder.Configuration);
builder.Services.AddWishes();
builder.Services.AddVolunteering(builder.Configuration);
builder.Services.AddMemberEvaluation();
builder.Services.AddDuties();
builder.Services.AddPublicity(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddTurnaround();
builder.Services.AddGrading();
builder.Services.AddSetup();
builder.Services.AddDues(builder.Configuration);

var app = builder.Build();
if (JishiCli.IsCommand(args))
{
    return await JishiCli.RunAsync(app, args);
}

app.UseReverseProxy();
app.UsePlatform();
app.UseAuthentication();
app.UsePasswordChangeGate();
app.UseAuthorization();
app.UseRateLimiter();
app.UseGuessLimit();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPlatform();
app.MapAccounts();
app.MapOrganizations();
app.MapMembers();
app.MapTiers();
app.MapAudit();
app.MapMaintenance();
app.MapReviews();
app.MapText();
app.MapPoints();
app.MapMeetings();
app.MapPledges();
app.MapPostings();
app.MapScreens();
app.MapMyPoints();
app.MapShops();
app.MapWishes();
app.MapVolunteering();
app.MapMemberEvaluation();
app.MapDuties();
app.MapPublicity();
app.MapDashboard();
app.MapTurnaround();
app.MapGrading();
app.MapSetup();
app.MapDues();

await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

public partial class Program;

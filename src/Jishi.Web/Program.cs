using Jishi.Web.Data;
using Jishi.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddJishiData(builder.Configuration);
var app = builder.Build();
app.MapGet("/healthz", () => "Healthy");
app.Run();

public partial class Program;

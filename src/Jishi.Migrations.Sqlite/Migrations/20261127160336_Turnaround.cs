using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Turnaround : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TurnaroundPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LeaderUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    HelperName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HelperRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HelperRoleText = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegradedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewStars = table.Column<int>(type: "INTEGER", nullable: true),
                    NewCategory = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegradeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurnaroundPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TurnaroundPlans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TurnaroundMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurnaroundMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TurnaroundMilestones_TurnaroundPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TurnaroundPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TurnaroundProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurnaroundProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TurnaroundProgress_TurnaroundPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TurnaroundPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TurnaroundFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurnaroundFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TurnaroundFiles_TurnaroundMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "TurnaroundMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TurnaroundFiles_MilestoneId",
                table: "TurnaroundFiles",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_TurnaroundMilestones_PlanId_DueOn",
                table: "TurnaroundMilestones",
                columns: new[] { "PlanId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TurnaroundPlans_UnitId",
                table: "TurnaroundPlans",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TurnaroundPlans_Year_Status",
                table: "TurnaroundPlans",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TurnaroundProgress_PlanId_Month",
                table: "TurnaroundProgress",
                columns: new[] { "PlanId", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TurnaroundFiles");

            migrationBuilder.DropTable(
                name: "TurnaroundProgress");

            migrationBuilder.DropTable(
                name: "TurnaroundMilestones");

            migrationBuilder.DropTable(
                name: "TurnaroundPlans");
        }
    }
}

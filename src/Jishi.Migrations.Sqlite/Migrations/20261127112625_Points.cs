using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Points : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseScore = table.Column<long>(type: "INTEGER", nullable: false),
                    Earned = table.Column<long>(type: "INTEGER", nullable: false),
                    Vetoes = table.Column<int>(type: "INTEGER", nullable: false),
                    Redeemed = table.Column<long>(type: "INTEGER", nullable: false),
                    AssessmentScore = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberPoints_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BaseScore = table.Column<long>(type: "INTEGER", nullable: false),
                    StarThresholds = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleSets_Units_StreetId",
                        column: x => x.StreetId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Requested = table.Column<long>(type: "INTEGER", nullable: false),
                    Granted = table.Column<long>(type: "INTEGER", nullable: false),
                    CapCut = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVeto = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReversalOf = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_LedgerEntries_ReversalOf",
                        column: x => x.ReversalOf,
                        principalTable: "LedgerEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CapPerMonth = table.Column<long>(type: "INTEGER", nullable: true),
                    CapPerYear = table.Column<long>(type: "INTEGER", nullable: true),
                    NeedsApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsEvidence = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVeto = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointRules_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_MemberId_Year_RuleCode",
                table: "LedgerEntries",
                columns: new[] { "MemberId", "Year", "RuleCode" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversalOf",
                table: "LedgerEntries",
                column: "ReversalOf",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_RuleSetId",
                table: "LedgerEntries",
                column: "RuleSetId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_SourceKey",
                table: "LedgerEntries",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Status_MemberId",
                table: "LedgerEntries",
                columns: new[] { "Status", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberPoints_MemberId_Year",
                table: "MemberPoints",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberPoints_Year_AssessmentScore",
                table: "MemberPoints",
                columns: new[] { "Year", "AssessmentScore" });

            migrationBuilder.CreateIndex(
                name: "IX_PointRules_RuleSetId_Code",
                table: "PointRules",
                columns: new[] { "RuleSetId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleSets_StreetId_Tier_Year_Version",
                table: "RuleSets",
                columns: new[] { "StreetId", "Tier", "Year", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "MemberPoints");

            migrationBuilder.DropTable(
                name: "PointRules");

            migrationBuilder.DropTable(
                name: "RuleSets");
        }
    }
}

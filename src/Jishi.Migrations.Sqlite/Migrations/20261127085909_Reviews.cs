using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewSubject_ReviewCampaigns_CampaignId",
                table: "ReviewSubject");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewSubject_Units_UnitId",
                table: "ReviewSubject");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReviewSubject",
                table: "ReviewSubject");

            migrationBuilder.RenameTable(
                name: "ReviewSubject",
                newName: "ReviewSubjects");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewSubject_UnitId",
                table: "ReviewSubjects",
                newName: "IX_ReviewSubjects_UnitId");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewSubject_CampaignId_UnitId",
                table: "ReviewSubjects",
                newName: "IX_ReviewSubjects_CampaignId_UnitId");

            migrationBuilder.AddColumn<double>(
                name: "Scale_Average",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 60.0);

            migrationBuilder.AddColumn<double>(
                name: "Scale_BandAverage",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 60.0);

            migrationBuilder.AddColumn<double>(
                name: "Scale_BandFairlyGood",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 80.0);

            migrationBuilder.AddColumn<double>(
                name: "Scale_BandGood",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 90.0);

            migrationBuilder.AddColumn<double>(
                name: "Scale_FairlyGood",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 80.0);

            migrationBuilder.AddColumn<double>(
                name: "Scale_Good",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 100.0);

            migrationBuilder.AddColumn<double>(
                name: "Scale_Poor",
                table: "ReviewCampaigns",
                type: "REAL",
                nullable: false,
                defaultValue: 40.0);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "ReviewSubjects",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DailyScore",
                table: "ReviewSubjects",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Veto",
                table: "ReviewSubjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReviewSubjects",
                table: "ReviewSubjects",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Rectifications_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoterGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    HeadCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoterGroups_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    CastOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Ballots_VoterGroups_VoterGroupId",
                        column: x => x.VoterGroupId,
                        principalTable: "VoterGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotTokens_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotTokens_VoterGroups_VoterGroupId",
                        column: x => x.VoterGroupId,
                        principalTable: "VoterGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotRatings",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotRatings", x => new { x.BallotId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_BallotRatings_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotRatings_ReviewSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ReviewSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotRatings_SubjectId",
                table: "BallotRatings",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_CampaignId_Receipt",
                table: "Ballots",
                columns: new[] { "CampaignId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_CampaignId_VoterGroupId",
                table: "Ballots",
                columns: new[] { "CampaignId", "VoterGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_VoterGroupId",
                table: "Ballots",
                column: "VoterGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotTokens_CampaignId_VoterGroupId",
                table: "BallotTokens",
                columns: new[] { "CampaignId", "VoterGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_BallotTokens_Hash",
                table: "BallotTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotTokens_VoterGroupId",
                table: "BallotTokens",
                column: "VoterGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_CampaignId",
                table: "Rectifications",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_UnitId_Status",
                table: "Rectifications",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VoterGroups_CampaignId",
                table: "VoterGroups",
                column: "CampaignId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewSubjects_ReviewCampaigns_CampaignId",
                table: "ReviewSubjects",
                column: "CampaignId",
                principalTable: "ReviewCampaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewSubjects_Units_UnitId",
                table: "ReviewSubjects",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewSubjects_ReviewCampaigns_CampaignId",
                table: "ReviewSubjects");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewSubjects_Units_UnitId",
                table: "ReviewSubjects");

            migrationBuilder.DropTable(
                name: "BallotRatings");

            migrationBuilder.DropTable(
                name: "BallotTokens");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "VoterGroups");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ReviewSubjects",
                table: "ReviewSubjects");

            migrationBuilder.DropColumn(
                name: "Scale_Average",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Scale_BandAverage",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Scale_BandFairlyGood",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Scale_BandGood",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Scale_FairlyGood",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Scale_Good",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Scale_Poor",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "ReviewSubjects");

            migrationBuilder.DropColumn(
                name: "DailyScore",
                table: "ReviewSubjects");

            migrationBuilder.DropColumn(
                name: "Veto",
                table: "ReviewSubjects");

            migrationBuilder.RenameTable(
                name: "ReviewSubjects",
                newName: "ReviewSubject");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewSubjects_UnitId",
                table: "ReviewSubject",
                newName: "IX_ReviewSubject_UnitId");

            migrationBuilder.RenameIndex(
                name: "IX_ReviewSubjects_CampaignId_UnitId",
                table: "ReviewSubject",
                newName: "IX_ReviewSubject_CampaignId_UnitId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ReviewSubject",
                table: "ReviewSubject",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewSubject_ReviewCampaigns_CampaignId",
                table: "ReviewSubject",
                column: "CampaignId",
                principalTable: "ReviewCampaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewSubject_Units_UnitId",
                table: "ReviewSubject",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jishi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropPlaintextBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotRatings");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.AddColumn<byte[]>(
                name: "BallotKey",
                table: "ReviewCampaigns",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "TokenKey",
                table: "ReviewCampaigns",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Decryptions",
                table: "BallotTallies",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Sum",
                table: "BallotTallies",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewTrustees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PublicShare = table.Column<byte[]>(type: "bytea", nullable: false),
                    ServerSecret = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTrustees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewTrustees_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTrustees_CampaignId_Name",
                table: "ReviewTrustees",
                columns: new[] { "CampaignId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewTrustees");

            migrationBuilder.DropColumn(
                name: "BallotKey",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "TokenKey",
                table: "ReviewCampaigns");

            migrationBuilder.DropColumn(
                name: "Decryptions",
                table: "BallotTallies");

            migrationBuilder.DropColumn(
                name: "Sum",
                table: "BallotTallies");

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    CastOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Receipt = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VoterGroupId = table.Column<int>(type: "integer", nullable: false)
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
                name: "BallotRatings",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotRatings", x => new { x.BallotId, x.SubjectId, x.DimensionId });
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
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jishi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RatingDimensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_BallotTallies",
                table: "BallotTallies");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BallotRatings",
                table: "BallotRatings");

            migrationBuilder.AddColumn<int>(
                name: "DimensionId",
                table: "BallotTallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DimensionId",
                table: "BallotRatings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_BallotTallies",
                table: "BallotTallies",
                columns: new[] { "CampaignId", "SubjectId", "VoterGroupId", "DimensionId", "Grade" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_BallotRatings",
                table: "BallotRatings",
                columns: new[] { "BallotId", "SubjectId", "DimensionId" });

            migrationBuilder.CreateTable(
                name: "ReviewDimensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDimensions_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDimensions_CampaignId_Name",
                table: "ReviewDimensions",
                columns: new[] { "CampaignId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewDimensions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BallotTallies",
                table: "BallotTallies");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BallotRatings",
                table: "BallotRatings");

            migrationBuilder.DropColumn(
                name: "DimensionId",
                table: "BallotTallies");

            migrationBuilder.DropColumn(
                name: "DimensionId",
                table: "BallotRatings");

            migrationBuilder.AddPrimaryKey(
                name: "PK_BallotTallies",
                table: "BallotTallies",
                columns: new[] { "CampaignId", "SubjectId", "VoterGroupId", "Grade" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_BallotRatings",
                table: "BallotRatings",
                columns: new[] { "BallotId", "SubjectId" });
        }
    }
}

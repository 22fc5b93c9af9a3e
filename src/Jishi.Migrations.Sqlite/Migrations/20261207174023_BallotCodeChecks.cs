using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BallotCodeChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BallotCodeChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Check = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotCodeChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotCodeChecks_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotCodeChecks_CampaignId",
                table: "BallotCodeChecks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotCodeChecks_Check",
                table: "BallotCodeChecks",
                column: "Check",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotCodeChecks");
        }
    }
}

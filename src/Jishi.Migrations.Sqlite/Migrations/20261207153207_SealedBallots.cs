using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SealedBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SealedBallots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    CastOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealedBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SealedBallots_ReviewCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SealedBallots_VoterGroups_VoterGroupId",
                        column: x => x.VoterGroupId,
                        principalTable: "VoterGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SealedBallots_CampaignId_Receipt",
                table: "SealedBallots",
                columns: new[] { "CampaignId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SealedBallots_CampaignId_VoterGroupId",
                table: "SealedBallots",
                columns: new[] { "CampaignId", "VoterGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_SealedBallots_VoterGroupId",
                table: "SealedBallots",
                column: "VoterGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SealedBallots");
        }
    }
}

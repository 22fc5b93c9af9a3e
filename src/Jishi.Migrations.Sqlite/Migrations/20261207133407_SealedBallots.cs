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
            migrationBuilder.DropForeignKey(
                name: "FK_Ballots_ReviewCampaigns_CampaignId",
                table: "Ballots");

            migrationBuilder.DropForeignKey(
                name: "FK_Ballots_VoterGroups_VoterGroupId",
                table: "Ballots");

            migrationBuilder.DropTable(
                name: "BallotRatings");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Ballots",
                table: "Ballots");

            migrationBuilder.RenameTable(
                name: "Ballots",
                newName: "SealedBallots");

            migrationBuilder.RenameIndex(
                name: "IX_Ballots_VoterGroupId",
                table: "SealedBallots",
                newName: "IX_SealedBallots_VoterGroupId");

            migrationBuilder.RenameIndex(
                name: "IX_Ballots_CampaignId_VoterGroupId",
                table: "SealedBallots",
                newName: "IX_SealedBallots_CampaignId_VoterGroupId");

            migrationBuilder.RenameIndex(
                name: "IX_Ballots_CampaignId_Receipt",
                table: "SealedBallots",
                newName: "IX_SealedBallots_CampaignId_Receipt");

            migrationBuilder.AddColumn<byte[]>(
                name: "BallotKey",
                table: "ReviewCampaigns",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "TokenKey",
                table: "ReviewCampaigns",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Decryptions",
                table: "BallotTallies",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Sum",
                table: "BallotTallies",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "SealedBallots",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<byte[]>(
                name: "Sealed",
                table: "SealedBallots",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddPrimaryKey(
                name: "PK_SealedBallots",
                table: "SealedBallots",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "ReviewTrustees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PublicShare = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ServerSecret = table.Column<string>(type: "TEXT", nullable: true)
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

            migrationBuilder.AddForeignKey(
                name: "FK_SealedBallots_ReviewCampaigns_CampaignId",
                table: "SealedBallots",
                column: "CampaignId",
                principalTable: "ReviewCampaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SealedBallots_VoterGroups_VoterGroupId",
                table: "SealedBallots",
                column: "VoterGroupId",
                principalTable: "VoterGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SealedBallots_ReviewCampaigns_CampaignId",
                table: "SealedBallots");

            migrationBuilder.DropForeignKey(
                name: "FK_SealedBallots_VoterGroups_VoterGroupId",
                table: "SealedBallots");

            migrationBuilder.DropTable(
                name: "ReviewTrustees");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SealedBallots",
                table: "SealedBallots");

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

            migrationBuilder.DropColumn(
                name: "Sealed",
                table: "SealedBallots");

            migrationBuilder.RenameTable(
                name: "SealedBallots",
                newName: "Ballots");

            migrationBuilder.RenameIndex(
                name: "IX_SealedBallots_VoterGroupId",
                table: "Ballots",
                newName: "IX_Ballots_VoterGroupId");

            migrationBuilder.RenameIndex(
                name: "IX_SealedBallots_CampaignId_VoterGroupId",
                table: "Ballots",
                newName: "IX_Ballots_CampaignId_VoterGroupId");

            migrationBuilder.RenameIndex(
                name: "IX_SealedBallots_CampaignId_Receipt",
                table: "Ballots",
                newName: "IX_Ballots_CampaignId_Receipt");

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "Ballots",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Ballots",
                table: "Ballots",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "BallotRatings",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.AddForeignKey(
                name: "FK_Ballots_ReviewCampaigns_CampaignId",
                table: "Ballots",
                column: "CampaignId",
                principalTable: "ReviewCampaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Ballots_VoterGroups_VoterGroupId",
                table: "Ballots",
                column: "VoterGroupId",
                principalTable: "VoterGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}

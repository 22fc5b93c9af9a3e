using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jishi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FirstDayFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmissionToken",
                table: "Wishes",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "Units",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtraFields",
                table: "Members",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Landline",
                table: "Members",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmissionToken",
                table: "GradingObjections",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SetupProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StreetId = table.Column<int>(type: "integer", nullable: false),
                    SkippedSteps = table.Column<int>(type: "integer", nullable: false),
                    TiersConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    Dismissed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetupProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SetupProgress_Units_StreetId",
                        column: x => x.StreetId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Wishes_SubmissionToken",
                table: "Wishes",
                column: "SubmissionToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GradingObjections_SubmissionToken",
                table: "GradingObjections",
                column: "SubmissionToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SetupProgress_StreetId",
                table: "SetupProgress",
                column: "StreetId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SetupProgress");

            migrationBuilder.DropIndex(
                name: "IX_Wishes_SubmissionToken",
                table: "Wishes");

            migrationBuilder.DropIndex(
                name: "IX_GradingObjections_SubmissionToken",
                table: "GradingObjections");

            migrationBuilder.DropColumn(
                name: "SubmissionToken",
                table: "Wishes");

            migrationBuilder.DropColumn(
                name: "District",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ExtraFields",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Landline",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "SubmissionToken",
                table: "GradingObjections");
        }
    }
}

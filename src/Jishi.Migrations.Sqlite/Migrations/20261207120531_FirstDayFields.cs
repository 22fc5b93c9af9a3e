using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "Units",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtraFields",
                table: "Members",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Landline",
                table: "Members",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmissionToken",
                table: "GradingObjections",
                type: "TEXT",
                maxLength: 22,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SetupProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    TiersConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Dismissed = table.Column<bool>(type: "INTEGER", nullable: false)
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicFormOnce : Migration
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
                name: "SubmissionToken",
                table: "GradingObjections",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "SubmissionToken",
                table: "GradingObjections");
        }
    }
}

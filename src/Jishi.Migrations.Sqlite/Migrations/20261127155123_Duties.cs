using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Duties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyLists_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyTasks_Units_StreetId",
                        column: x => x.StreetId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RemovedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityItems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DutyItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DutyListId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyItem_DutyLists_DutyListId",
                        column: x => x.DutyListId,
                        principalTable: "DutyLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyTaskCells",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyTaskCells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyTaskCells_KeyTasks_KeyTaskId",
                        column: x => x.KeyTaskId,
                        principalTable: "KeyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KeyTaskCells_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityCredit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicityItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityCredit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityCredit_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicityCredit_PublicityItems_PublicityItemId",
                        column: x => x.PublicityItemId,
                        principalTable: "PublicityItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyTaskEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CellId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyTaskEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyTaskEvidence_KeyTaskCells_CellId",
                        column: x => x.CellId,
                        principalTable: "KeyTaskCells",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyTaskNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CellId = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyTaskNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyTaskNotes_KeyTaskCells_CellId",
                        column: x => x.CellId,
                        principalTable: "KeyTaskCells",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyItem_DutyListId",
                table: "DutyItem",
                column: "DutyListId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyLists_UnitId_Year",
                table: "DutyLists",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyTaskCells_KeyTaskId_UnitId",
                table: "KeyTaskCells",
                columns: new[] { "KeyTaskId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyTaskCells_UnitId",
                table: "KeyTaskCells",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyTaskEvidence_CellId",
                table: "KeyTaskEvidence",
                column: "CellId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyTaskNotes_CellId",
                table: "KeyTaskNotes",
                column: "CellId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyTasks_StreetId_Year",
                table: "KeyTasks",
                columns: new[] { "StreetId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicityCredit_MemberId",
                table: "PublicityCredit",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicityCredit_PublicityItemId_MemberId",
                table: "PublicityCredit",
                columns: new[] { "PublicityItemId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicityItems_UnitId_PublishedOn",
                table: "PublicityItems",
                columns: new[] { "UnitId", "PublishedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyItem");

            migrationBuilder.DropTable(
                name: "KeyTaskEvidence");

            migrationBuilder.DropTable(
                name: "KeyTaskNotes");

            migrationBuilder.DropTable(
                name: "PublicityCredit");

            migrationBuilder.DropTable(
                name: "DutyLists");

            migrationBuilder.DropTable(
                name: "KeyTaskCells");

            migrationBuilder.DropTable(
                name: "PublicityItems");

            migrationBuilder.DropTable(
                name: "KeyTasks");
        }
    }
}

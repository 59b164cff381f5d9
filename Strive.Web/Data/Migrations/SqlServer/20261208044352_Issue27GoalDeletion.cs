using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strive.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue27GoalDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Goals",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasureLeaseUntil",
                table: "Goals",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Goals_DeletedAt",
                table: "Goals",
                column: "DeletedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Goals_DeletedAt",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "ErasureLeaseUntil",
                table: "Goals");
        }
    }
}

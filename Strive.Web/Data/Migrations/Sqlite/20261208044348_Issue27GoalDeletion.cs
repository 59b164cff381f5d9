using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strive.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue27GoalDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Goals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasureLeaseUntil",
                table: "Goals",
                type: "INTEGER",
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

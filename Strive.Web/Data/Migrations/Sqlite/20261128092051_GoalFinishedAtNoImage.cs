using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strive.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GoalFinishedAtNoImage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Image",
                table: "Goals");

            migrationBuilder.AddColumn<long>(
                name: "FinishedAt",
                table: "Goals",
                type: "INTEGER",
                nullable: true);

            // A goal finished before this column existed: the last change to it is the best known moment.
            migrationBuilder.Sql("UPDATE Goals SET FinishedAt = UpdatedAt WHERE Status <> 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinishedAt",
                table: "Goals");

            migrationBuilder.AddColumn<string>(
                name: "Image",
                table: "Goals",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }
    }
}

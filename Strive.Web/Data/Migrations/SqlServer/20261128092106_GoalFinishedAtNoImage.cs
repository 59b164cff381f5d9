using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strive.Web.Data.Migrations.SqlServer
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FinishedAt",
                table: "Goals",
                type: "datetimeoffset",
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }
    }
}

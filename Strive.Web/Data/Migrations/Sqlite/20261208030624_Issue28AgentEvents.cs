using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strive.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue28AgentEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "GoalEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Via",
                table: "GoalEvents");
        }
    }
}
